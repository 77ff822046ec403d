using System.Runtime.InteropServices;

namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Accumulates the monthly numbers over a stream of patient evaluations, for all clinics and every
/// clinic at once. Memory grows with clinics × months × categories, never with patients: it keeps
/// counters and visit-count histograms, not episodes.
/// </summary>
internal sealed class RetentionMetricsBuilder
{
    private readonly RetentionOptions options;
    private readonly MetricsWindows windows;
    private readonly bool[] converted;
    private readonly Dictionary<string, ScopeAccumulator> clinics = new(StringComparer.Ordinal);
    private readonly ScopeAccumulator all;

    // Completion months run from the first recurrence month (or the first trend month, if earlier) to M;
    // active-maintenance months from the month before the first trend month to M.
    private readonly int firstCompletionMonth;
    private readonly int completionMonths;
    private readonly int firstTrendOffset;
    private readonly int firstRecurrenceOffset;
    private readonly int firstActiveMonth;
    private readonly int activeMonths;

    // Day numbers that let most episodes and visits (outside the months counted) be skipped with one
    // comparison instead of a calendar calculation.
    private readonly int firstCompletionDay;
    private readonly int lastCompletionDay;
    private readonly int[] activeMonthLastDays;

    private string? lastClinicId;
    private ScopeAccumulator? lastClinic;
    private int patientSerial;

    /// <param name="asOf">D: every evaluation added must be as of this date.</param>
    /// <param name="month">The report month M; the trend covers Retention:CohortMonths months ending at M.</param>
    /// <param name="clinicIds">Every clinic, so clinics without activity still get their block of numbers.</param>
    public RetentionMetricsBuilder(RetentionOptions options, DateOnly asOf, CalendarMonth month, IEnumerable<string> clinicIds)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clinicIds);
        this.options = options;
        AsOf = asOf;
        Month = month;
        windows = new MetricsWindows(options);
        converted = new bool[windows.All.Length];

        var firstTrendMonth = month.Index - options.CohortMonths + 1;
        var firstRecurrenceMonth = month.Index - options.RecurrenceCompletionMonths + 1;
        firstCompletionMonth = Math.Min(firstTrendMonth, firstRecurrenceMonth);
        completionMonths = month.Index - firstCompletionMonth + 1;
        firstTrendOffset = firstTrendMonth - firstCompletionMonth;
        firstRecurrenceOffset = firstRecurrenceMonth - firstCompletionMonth;
        firstActiveMonth = firstTrendMonth - 1;
        activeMonths = options.CohortMonths + 1;
        firstCompletionDay = CalendarMonth.FromIndex(firstCompletionMonth).FirstDay.DayNumber;
        lastCompletionDay = month.LastDay.DayNumber;
        activeMonthLastDays = [.. Enumerable.Range(firstActiveMonth, activeMonths).Select(index => CalendarMonth.FromIndex(index).LastDay.DayNumber)];

        all = NewScope(ScopeMetrics.AllClinics);
        foreach (var clinicId in clinicIds)
        {
            ScopeOf(clinicId);
        }
    }

    public DateOnly AsOf { get; }

    public CalendarMonth Month { get; }

    /// <summary>Counts one patient. The evaluation must be as of <see cref="AsOf"/>; nothing of it is kept.</summary>
    public void Add(PatientEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.AsOf != AsOf)
        {
            throw new ArgumentException($"The evaluation is as of {evaluation.AsOf:yyyy-MM-dd}, the metrics as of {AsOf:yyyy-MM-dd}.", nameof(evaluation));
        }

        patientSerial++;
        if (evaluation.Flagged is { } flag)
        {
            CountFlag(all, flag.Kind);
            CountFlag(ScopeOf(evaluation.ClinicId), flag.Kind);
        }

        foreach (var note in evaluation.NoteList)
        {
            all.Note(note, options.DataQualityExamples);
            ScopeOf(note.ClinicId).Note(note, options.DataQualityExamples);
        }

        AddCompletions(evaluation);
        AddActiveMaintenance(evaluation);
    }

    /// <summary>The numbers so far. The builder can keep accumulating afterwards.</summary>
    public RetentionMetrics Build()
    {
        var report = new MetricsReport(options, windows, AsOf, firstCompletionMonth, firstTrendOffset, firstRecurrenceOffset, firstActiveMonth);
        var clinicScopes = clinics.Values.OrderBy(scope => scope.ClinicId, StringComparer.Ordinal).Select(report.ScopeFrom).ToList();
        return new RetentionMetrics(AsOf, Month, report.ScopeFrom(all), clinicScopes, RetentionDefinitions.For(options));
    }

    private void AddCompletions(PatientEvaluation evaluation)
    {
        var episodes = evaluation.EpisodeList;
        for (var i = 0; i < episodes.Count; i++)
        {
            var episode = episodes[i];
            if (episode.End is not { } end || end.DayNumber < firstCompletionDay || end.DayNumber > lastCompletionDay)
            {
                continue;
            }

            var offset = CalendarMonth.Of(end).Index - firstCompletionMonth;

            var firstMaintenance = FirstMaintenanceOnOrAfter(evaluation.MaintenanceVisitList, end);
            for (var w = 0; w < converted.Length; w++)
            {
                converted[w] = firstMaintenance - end.DayNumber <= windows.All[w];
            }

            Record(all, offset, episode);
            var clinic = ScopeOf(episode.ClinicId);
            Record(clinic, offset, episode);
            if (offset >= firstRecurrenceOffset && end.DayNumber + options.RecurrenceConvertedWithinDays < AsOf.DayNumber)
            {
                AddRecurrence(all, clinic, episodes, i, episode.EndType!.Value, end);
            }
        }
    }

    /// <summary>
    /// The landmark analysis of one completion whose landmark has passed (E + landmark &lt; D): back
    /// within the landmark, or into its group with the day of its next episode (an event when that
    /// starts before D and within the follow-up) or of its censoring (D − 1 − E, at most the follow-up).
    /// </summary>
    private void AddRecurrence(ScopeAccumulator all, ScopeAccumulator clinic, List<EvaluatedEpisode> episodes, int endedIndex, AcuteEndType endType, DateOnly end)
    {
        var nextStart = int.MaxValue;
        for (var j = 0; j < episodes.Count; j++)
        {
            var started = episodes[j].StartedOn.DayNumber;
            if (j != endedIndex && started > end.DayNumber && started < nextStart)
            {
                nextStart = started;
            }
        }

        var daysToNext = nextStart == int.MaxValue ? int.MaxValue : nextStart - end.DayNumber;
        if (daysToNext <= options.RecurrenceConvertedWithinDays)
        {
            all.Recurrence.AddBackWithinLandmark(endType);
            clinic.Recurrence.AddBackWithinLandmark(endType);
            return;
        }

        var group = converted[windows.Recurrence] ? RecurrenceAccumulator.ConvertedGroup : RecurrenceAccumulator.NotConvertedGroup;
        var followUp = options.RecurrenceFollowUpDays;
        var newEpisode = nextStart < AsOf.DayNumber && daysToNext <= followUp;
        var day = newEpisode ? daysToNext : Math.Min(AsOf.DayNumber - 1 - end.DayNumber, followUp);
        all.Recurrence.Add(endType, group, day, newEpisode);
        clinic.Recurrence.Add(endType, group, day, newEpisode);
    }

    /// <summary>Day number of the first maintenance visit on or after <paramref name="end"/>; int.MaxValue when none.</summary>
    private static int FirstMaintenanceOnOrAfter(List<MaintenanceVisit> visits, DateOnly end)
    {
        foreach (var visit in visits)
        {
            if (visit.Date >= end)
            {
                return visit.Date.DayNumber;
            }
        }

        return int.MaxValue;
    }

    private void Record(ScopeAccumulator scope, int offset, in EvaluatedEpisode episode)
    {
        var cell = scope.Months[offset];
        cell.Completions++;
        cell.ByEndType[(int)episode.EndType!.Value]++;
        for (var w = 0; w < converted.Length; w++)
        {
            cell.Converted[w] += converted[w] ? 1 : 0;
        }

        cell.Visits.Add(episode.Visits);
        if (cell.Breakdowns is { } breakdowns)
        {
            AddBreakdown(breakdowns, BreakdownDimension.Clinic, episode.ClinicId);
            AddBreakdown(breakdowns, BreakdownDimension.DischargingProvider, episode.DischargingProviderId);
            AddBreakdown(breakdowns, BreakdownDimension.BodyRegion, episode.BodyRegion);
            AddBreakdown(breakdowns, BreakdownDimension.ReferralSource, episode.ReferralSource);
            AddBreakdown(breakdowns, BreakdownDimension.EndType, episode.EndType!.Value.ToContractName());
        }
    }

    private void AddBreakdown(Dictionary<string, BreakdownCell>[] breakdowns, BreakdownDimension dimension, string? key)
    {
        ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(breakdowns[(int)dimension], key ?? MetricsReport.NotRecordedKey, out _);
        cell ??= new BreakdownCell(converted.Length);
        cell.Completions++;
        for (var w = 0; w < converted.Length; w++)
        {
            cell.Converted[w] += converted[w] ? 1 : 0;
        }
    }

    /// <summary>
    /// A maintenance visit on day v makes the patient active in every month whose last day lies in
    /// [v, v + ActiveMaintenanceWindowDays − 1], at the clinic of the visit and for all clinics.
    /// </summary>
    private void AddActiveMaintenance(PatientEvaluation evaluation)
    {
        var lastDays = activeMonthLastDays;
        var windowDays = options.ActiveMaintenanceWindowDays;
        foreach (var visit in evaluation.MaintenanceVisitList)
        {
            var day = visit.Date.DayNumber;
            var lastCountedDay = day + windowDays - 1;
            if (day > lastDays[^1] || lastCountedDay < lastDays[0])
            {
                continue;
            }

            ScopeAccumulator? clinic = null;
            for (var offset = 0; offset < lastDays.Length && lastDays[offset] <= lastCountedDay; offset++)
            {
                if (lastDays[offset] >= day)
                {
                    all.MarkActive(offset, patientSerial);
                    clinic ??= ScopeOf(visit.ClinicId);
                    clinic.MarkActive(offset, patientSerial);
                }
            }
        }
    }

    private static void CountFlag(ScopeAccumulator scope, PatientFlagKind kind)
    {
        if (kind == PatientFlagKind.DroppedAfterAcute)
        {
            scope.DroppedAfterAcute++;
        }
        else
        {
            scope.MaintenanceLapsed++;
        }
    }

    /// <summary>The scope of a clinic id; a clinic missing from the list given at construction is added.</summary>
    private ScopeAccumulator ScopeOf(string clinicId)
    {
        // Readers usually hand the same string instance for a patient's rows: skip the hash then.
        if (ReferenceEquals(clinicId, lastClinicId))
        {
            return lastClinic!;
        }

        ref var scope = ref CollectionsMarshal.GetValueRefOrAddDefault(clinics, clinicId, out _);
        scope ??= NewScope(clinicId);
        lastClinicId = clinicId;
        lastClinic = scope;
        return scope;
    }

    private ScopeAccumulator NewScope(string clinicId) =>
        new(clinicId, completionMonths, firstTrendOffset, windows.All.Length, activeMonths, options.RecurrenceFollowUpDays);
}
