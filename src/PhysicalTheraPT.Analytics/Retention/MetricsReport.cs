namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>Turns a scope's counters into the public numbers: rates, maturing and provisional marks, percentiles.</summary>
internal sealed class MetricsReport(
    RetentionOptions options,
    MetricsWindows windows,
    DateOnly asOf,
    int firstCompletionMonth,
    int firstTrendOffset,
    int firstRecurrenceOffset,
    int firstActiveMonth)
{
    /// <summary>Breakdown key standing for "not recorded" (null in the output); no real id holds a NUL.</summary>
    public const string NotRecordedKey = "\0";

    public ScopeMetrics ScopeFrom(ScopeAccumulator scope)
    {
        var months = new List<MonthMetrics>(options.CohortMonths);
        for (var offset = firstTrendOffset; offset < scope.Months.Length; offset++)
        {
            months.Add(MonthFrom(scope, offset));
        }

        return new ScopeMetrics(scope.ClinicId, scope.DroppedAfterAcute, scope.MaintenanceLapsed, months, RecurrenceFrom(scope), DataQualityFrom(scope));
    }

    private MonthMetrics MonthFrom(ScopeAccumulator scope, int offset)
    {
        var cell = scope.Months[offset];
        var calendarMonth = CalendarMonth.FromIndex(firstCompletionMonth + offset);
        var byEndType = new Dictionary<AcuteEndType, int>();
        foreach (var endType in AcuteEndTypeNames.All)
        {
            byEndType[endType] = cell.ByEndType[(int)endType];
        }

        var activeOffset = calendarMonth.Index - firstActiveMonth;
        var active = scope.ActivePatients[activeOffset];
        return new MonthMetrics(
            calendarMonth,
            Provisional: asOf.DayNumber - calendarMonth.LastDay.DayNumber <= options.ImplicitDischargeDays,
            cell.Completions,
            byEndType,
            Conversions(calendarMonth, cell.Completions, cell.Converted, windows.Conversion),
            Conversions(calendarMonth, cell.Completions, cell.Converted, windows.Cohort),
            active,
            active - scope.ActivePatients[activeOffset - 1],
            cell.Visits.ToDistribution(),
            BreakdownsFrom(calendarMonth, cell));
    }

    private List<ConversionMetric> Conversions(CalendarMonth completionMonth, int completions, int[] convertedByWindow, int[] windowIndexes)
    {
        var metrics = new List<ConversionMetric>(windowIndexes.Length);
        foreach (var index in windowIndexes)
        {
            var windowDays = windows.All[index];
            var maturing = completionMonth.LastDay.DayNumber + windowDays >= asOf.DayNumber;
            metrics.Add(new ConversionMetric(windowDays, completions, convertedByWindow[index], maturing));
        }

        return metrics;
    }

    private List<BreakdownRow> BreakdownsFrom(CalendarMonth completionMonth, CompletionCell cell)
    {
        var rows = new List<BreakdownRow>();
        var breakdowns = cell.Breakdowns!;
        for (var dimension = 0; dimension < breakdowns.Length; dimension++)
        {
            foreach (var (key, counts) in breakdowns[dimension])
            {
                rows.Add(new BreakdownRow(
                    (BreakdownDimension)dimension,
                    key == NotRecordedKey ? null : key,
                    counts.Completions,
                    Conversions(completionMonth, counts.Completions, counts.Converted, windows.Conversion)));
            }
        }

        // Dimension order, then key; "not recorded" last.
        rows.Sort((left, right) => left.Dimension != right.Dimension
            ? left.Dimension.CompareTo(right.Dimension)
            : (left.Key, right.Key) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                _ => string.CompareOrdinal(left.Key, right.Key),
            });
        return rows;
    }

    private RecurrenceMetrics RecurrenceFrom(ScopeAccumulator scope)
    {
        var counts = scope.Recurrence;
        RecurrenceComparison Comparison(int set, AcuteEndType? endType)
        {
            var events = counts.Events[set];
            var censored = counts.Censored[set];
            var logRank = LogRankTest.Compare(
                events[RecurrenceAccumulator.ConvertedGroup], censored[RecurrenceAccumulator.ConvertedGroup],
                events[RecurrenceAccumulator.NotConvertedGroup], censored[RecurrenceAccumulator.NotConvertedGroup]);
            return new RecurrenceComparison(
                endType,
                RecurrenceGroup.From(KaplanMeier.Estimate(events[RecurrenceAccumulator.ConvertedGroup], censored[RecurrenceAccumulator.ConvertedGroup]), options.RecurrenceWindowDays),
                RecurrenceGroup.From(KaplanMeier.Estimate(events[RecurrenceAccumulator.NotConvertedGroup], censored[RecurrenceAccumulator.NotConvertedGroup]), options.RecurrenceWindowDays),
                counts.BackWithinLandmark[set],
                logRank.P);
        }

        return new RecurrenceMetrics(
            CalendarMonth.FromIndex(firstCompletionMonth + firstRecurrenceOffset),
            CalendarMonth.FromIndex(firstCompletionMonth + scope.Months.Length - 1),
            options.RecurrenceConvertedWithinDays,
            options.RecurrenceWindowDays,
            options.RecurrenceFollowUpDays,
            Comparison(RecurrenceAccumulator.AllSet, null),
            [.. AcuteEndTypeNames.All.Select(endType => Comparison((int)endType, endType))]);
    }

    private static List<DataQualitySummary> DataQualityFrom(ScopeAccumulator scope)
    {
        var summaries = new List<DataQualitySummary>();
        foreach (var issue in DataQualityIssueNames.All)
        {
            var count = scope.IssueCounts[(int)issue];
            if (count > 0)
            {
                summaries.Add(new DataQualitySummary(issue, count, [.. scope.IssueExamples[(int)issue]]));
            }
        }

        return summaries;
    }
}
