namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Does maintenance keep people out of the next injury? A landmark analysis of the completions with E in
/// <paramref name="FirstMonth"/> … <paramref name="LastMonth"/> (the RecurrenceCompletionMonths ending
/// with the report month) whose <paramref name="LandmarkDays"/> have passed (E + landmark &lt; D): those
/// who started a new episode within the landmark are counted apart; the others are converted (a
/// maintenance visit in [E, E + landmark]) or not, and followed to their next episode for up to
/// <paramref name="FollowUpDays"/> days. <paramref name="WindowDays"/> is the year the headline share
/// is read at. <paramref name="ByEndType"/>: the same comparison within each end type (zero counts included).
/// </summary>
internal sealed record RecurrenceMetrics(
    CalendarMonth FirstMonth,
    CalendarMonth LastMonth,
    int LandmarkDays,
    int WindowDays,
    int FollowUpDays,
    RecurrenceComparison All,
    IReadOnlyList<RecurrenceComparison> ByEndType);

/// <summary>
/// Converted against not converted for one set of completions (all, or one end type):
/// <paramref name="BackWithinLandmark"/> completions started a new episode within the landmark and are in
/// neither group; <paramref name="LogRankP"/> is the two-sided log-rank p over the whole follow-up
/// (null when there is nothing to compare).
/// </summary>
internal sealed record RecurrenceComparison(
    AcuteEndType? EndType,
    RecurrenceGroup Converted,
    RecurrenceGroup NotConverted,
    int BackWithinLandmark,
    double? LogRankP);

/// <summary>
/// One group's Kaplan–Meier curve (days since E) and the share back with a new episode within the
/// year: 1 − S(WindowDays), null for an empty group; its 95% interval (log(−log), Greenwood) is null where
/// S is 0 or 1.
/// </summary>
internal sealed record RecurrenceGroup(int Patients, int NewEpisodes, SurvivalCurve Curve, double? BackWithinYear, RateInterval? BackWithinYearInterval)
{
    public static RecurrenceGroup From(SurvivalCurve curve, int windowDays)
    {
        var survival = curve.SurvivalAt(windowDays);
        var interval = curve.IntervalAt(windowDays);
        return new RecurrenceGroup(
            curve.Size,
            curve.Steps.Sum(step => step.Events),
            curve,
            1 - survival,
            interval is { } s ? new RateInterval(1 - s.High, 1 - s.Low) : null);
    }
}
