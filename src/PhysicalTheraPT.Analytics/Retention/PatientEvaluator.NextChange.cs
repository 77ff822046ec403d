namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// The first date after an as-of date on which a patient's flag can differ while their history stays as
/// it is: what lets the nightly refresh leave everybody else alone (docs/retention-engine.md).
/// </summary>
/// <remarks>
/// Every rule compares the as-of date D with a date of the history plus a fixed number of days: an
/// appointment is past from its day + 1, an episode ends at its discharge + 1 or at its last visit (or
/// start) + ImplicitDischargeDays, a flag starts at E + GraceDays or at the last maintenance visit +
/// ⌊interval × LapseFactor⌋ + 1 and stops after LookbackDays. So between two such breakpoints an unflagged
/// patient stays unflagged, and a flagged one keeps their flag but for the days since and the recency
/// points that follow from them (<see cref="FlagWriter.Carry"/>); only the breakpoints need evaluating.
/// </remarks>
internal sealed partial class PatientEvaluator
{
    /// <summary>
    /// The rules' own version: raise it when a rule changes the flags of an unchanged history, so stored
    /// next-change dates are not trusted across it (the nightly refresh also compares the engine build).
    /// </summary>
    public const int RulesVersion = 1;

    /// <summary>Breakpoints evaluated before giving up and answering the next unevaluated one (a nearer, safe answer).</summary>
    private const int BreakpointsEvaluated = 6;

    private readonly List<int> breakpoints = [];
    private readonly List<int> offsets = [];

    /// <summary>
    /// The first as-of date after <paramref name="asOf"/> on which <paramref name="history"/>'s flag may
    /// differ from <paramref name="flagged"/> (its flag as of <paramref name="asOf"/>) carried forward by
    /// <see cref="FlagWriter.Carry"/> (no flag stays no flag); null when it never can without a change to
    /// the history. Never later than the true date, so evaluating on it is always safe. Overwrites the
    /// evaluation the last <see cref="Evaluate"/> returned: take what you need from it first.
    /// </summary>
    public DateOnly? NextChange(PatientHistory history, DateOnly asOf, FlaggedPatient? flagged)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.DoNotContact)
        {
            return null;
        }

        CollectBreakpoints(history, asOf.DayNumber);
        var evaluated = 0;
        foreach (var day in breakpoints)
        {
            var date = DateOnly.FromDayNumber(day);
            if (evaluated++ == BreakpointsEvaluated)
            {
                return date;
            }

            var then = Evaluate(history, date, writeFlagTexts: false).Flagged;
            if (flagged is { } flag ? then != flagWriter.Carry(flag, date) : then is not null)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>The flag <paramref name="flagged"/> becomes on <paramref name="asOf"/> while its history stays as it is (<see cref="FlagWriter.Carry"/>).</summary>
    public FlaggedPatient Carry(FlaggedPatient flagged, DateOnly asOf) => flagWriter.Carry(flagged, asOf);

    /// <summary>
    /// The breakpoints after <paramref name="asOfDay"/>, ascending, distinct. None before the last
    /// appointment has passed (until then a booking holds every flag back) and none after the lookback
    /// of the history's last date (nothing can be flagged then).
    /// </summary>
    private void CollectBreakpoints(PatientHistory history, int asOfDay)
    {
        breakpoints.Clear();
        var lastDay = int.MinValue;
        var lastAppointmentDay = int.MinValue;
        foreach (var appointment in history.Appointments)
        {
            if (appointment.Status is not (AppointmentStatus.Cancelled or AppointmentStatus.NoShow))
            {
                lastAppointmentDay = Math.Max(lastAppointmentDay, appointment.Date.DayNumber);
            }
        }

        lastDay = lastAppointmentDay;
        foreach (var episode in history.Episodes)
        {
            lastDay = Math.Max(lastDay, Math.Max(episode.StartedOn.DayNumber, episode.DischargedOn?.DayNumber ?? int.MinValue));
        }

        if (lastDay == int.MinValue)
        {
            return;
        }

        CollectOffsets(history);
        var from = Math.Max(asOfDay, lastAppointmentDay);
        var until = lastDay + options.LookbackDays + 1;
        foreach (var appointment in history.Appointments)
        {
            if (appointment.Status is not (AppointmentStatus.Cancelled or AppointmentStatus.NoShow))
            {
                AddBreakpoints(appointment.Date.DayNumber, from, until);
            }
        }

        foreach (var episode in history.Episodes)
        {
            AddBreakpoints(episode.StartedOn.DayNumber, from, until);
            if (episode.DischargedOn is { } discharged)
            {
                AddBreakpoints(discharged.DayNumber, from, until);
            }
        }

        breakpoints.Sort();
        var distinct = 0;
        for (var i = 0; i < breakpoints.Count; i++)
        {
            if (i == 0 || breakpoints[i] != breakpoints[distinct - 1])
            {
                breakpoints[distinct++] = breakpoints[i];
            }
        }

        breakpoints.RemoveRange(distinct, breakpoints.Count - distinct);
    }

    /// <summary>Days after a date of the history on which a rule's comparison with the as-of date turns.</summary>
    private void CollectOffsets(PatientHistory history)
    {
        offsets.Clear();
        offsets.Add(1);
        offsets.Add(options.ImplicitDischargeDays);
        offsets.Add(options.GraceDays);
        offsets.Add(options.LookbackDays + 1);
        offsets.Add(LapseOffset(options.DefaultMaintenanceIntervalDays));
        foreach (var episode in history.Episodes)
        {
            if (episode.MaintenanceIntervalDays is { } interval && !offsets.Contains(LapseOffset(interval)))
            {
                offsets.Add(LapseOffset(interval));
            }
        }
    }

    /// <summary>Lapsed once the days since the visit exceed interval × factor: from ⌊interval × factor⌋ + 1 days on.</summary>
    private int LapseOffset(int interval) => (int)Math.Floor(interval * options.LapseFactor) + 1;

    private void AddBreakpoints(int day, int after, int until)
    {
        foreach (var offset in offsets)
        {
            var breakpoint = day + offset;
            if (breakpoint > after && breakpoint <= until)
            {
                breakpoints.Add(breakpoint);
            }
        }
    }
}
