namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// The numbers of one calendar month for one scope (all clinics or one clinic), as of the run's date.
/// </summary>
/// <param name="Provisional">
/// True while the as-of date is not after the month's last day + ImplicitDischargeDays: patients who
/// just stopped coming are not known to have stopped yet, so the completions may still grow.
/// </param>
/// <param name="AcuteCompletions">Episodes (recorded and implicit) with their acute end E in the month.</param>
/// <param name="CompletionsByEndType">Every end type, zero included.</param>
/// <param name="Conversion">One entry per Retention:ConversionWindowsDays.</param>
/// <param name="Cohort">One entry per Retention:CohortWindowsDays (the cohort table's row for this completion month).</param>
/// <param name="ActiveMaintenancePatients">Distinct patients with a maintenance visit in the ActiveMaintenanceWindowDays ending on the month's last day.</param>
/// <param name="ActiveMaintenanceChange">Change from the month before.</param>
/// <param name="Breakdowns">By clinic, discharging provider, body region, referral source and end type, sorted by dimension then key.</param>
internal sealed record MonthMetrics(
    CalendarMonth Month,
    bool Provisional,
    int AcuteCompletions,
    IReadOnlyDictionary<AcuteEndType, int> CompletionsByEndType,
    IReadOnlyList<ConversionMetric> Conversion,
    IReadOnlyList<ConversionMetric> Cohort,
    int ActiveMaintenancePatients,
    int ActiveMaintenanceChange,
    VisitDistribution VisitsPerEpisode,
    IReadOnlyList<BreakdownRow> Breakdowns)
{
    /// <summary>The conversion (or cohort) entry for a window in days; null when that window is not configured.</summary>
    public ConversionMetric? ConversionWithin(int windowDays)
    {
        foreach (var metric in Conversion)
        {
            if (metric.WindowDays == windowDays)
            {
                return metric;
            }
        }

        foreach (var metric in Cohort)
        {
            if (metric.WindowDays == windowDays)
            {
                return metric;
            }
        }

        return null;
    }
}
