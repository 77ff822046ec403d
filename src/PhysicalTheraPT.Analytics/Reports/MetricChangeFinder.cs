using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Picks the pairs of months worth comparing from a trend. Provisional months are skipped (their
/// completions are still coming in, so comparing them would announce a fall that is not real), and
/// conversion compares the two latest cohorts whose window has closed, never a maturing one.
/// </summary>
internal static class MetricChangeFinder
{
    /// <param name="place">A clinic name for a clinic's own trend; null for the report's scope.</param>
    public static IReadOnlyList<MetricChange> Find(string? place, CalendarMonth month, IReadOnlyList<TrendMonth> trend, IReadOnlyList<int> conversionWindows)
    {
        var months = ReportSummaryBuilder.LastTwelve(month, trend);
        var changes = new List<MetricChange>();

        var settled = LatestPair(months, row => !row.Provisional);
        if (settled is var (earlier, later))
        {
            changes.Add(new MetricChange("Acute completions", ValueUnit.Count, earlier.Month, earlier.AcuteCompletions, later.Month, later.AcuteCompletions, place));
            if (earlier.VisitsPerEpisodeMedian is { } medianBefore && later.VisitsPerEpisodeMedian is { } medianAfter)
            {
                changes.Add(new MetricChange("Median visits per completed episode", ValueUnit.Decimal, earlier.Month, medianBefore, later.Month, medianAfter, place));
            }
        }

        foreach (var window in conversionWindows)
        {
            var matured = LatestPair(months, row => row.Conversion(window) is { Maturing: false, Rate: not null });
            if (matured is var (before, after))
            {
                var (earlierCell, laterCell) = (before.Conversion(window)!, after.Conversion(window)!);
                changes.Add(new MetricChange(
                    MeasureNames.ConversionWithin(window), ValueUnit.Rate, before.Month, earlierCell.Rate!.Value, after.Month, laterCell.Rate!.Value, place,
                    ConversionChange.P(earlierCell, laterCell)));
            }
        }

        var current = months.LastOrDefault(row => row.Month == month);
        var previous = months.LastOrDefault(row => row.Month == month.AddMonths(-1));
        if (current is not null && previous is not null)
        {
            changes.Add(new MetricChange(
                "Active maintenance patients", ValueUnit.Count, previous.Month, previous.ActiveMaintenancePatients, current.Month, current.ActiveMaintenancePatients, place));
            if (previous.DroppedAfterAcute is { } droppedBefore && current.DroppedAfterAcute is { } droppedNow)
            {
                changes.Add(new MetricChange("Patients dropped after acute care", ValueUnit.Count, previous.Month, droppedBefore, current.Month, droppedNow, place));
            }

            if (previous.MaintenanceLapsed is { } lapsedBefore && current.MaintenanceLapsed is { } lapsedNow)
            {
                changes.Add(new MetricChange("Patients whose maintenance lapsed", ValueUnit.Count, previous.Month, lapsedBefore, current.Month, lapsedNow, place));
            }
        }

        return changes;
    }

    /// <summary>The latest month that qualifies, with the calendar month right before it if that qualifies too.</summary>
    private static (TrendMonth Before, TrendMonth After)? LatestPair(IReadOnlyList<TrendMonth> months, Func<TrendMonth, bool> qualifies)
    {
        var later = months.LastOrDefault(qualifies);
        if (later is null)
        {
            return null;
        }

        var earlier = months.LastOrDefault(row => row.Month == later.Month.AddMonths(-1));
        return earlier is not null && qualifies(earlier) ? (earlier, later) : null;
    }
}

/// <summary>
/// One number in two consecutive months, the raw material of a "what changed" sentence.
/// <see cref="Measure"/> starts the sentence ("Conversion within 28 days"); <see cref="Place"/> is a
/// clinic name, or null for the report's own scope. <see cref="ChangeP"/>: for a rate, the two-sided
/// p-value of the two-proportion test between the two months (null when it cannot be tested).
/// </summary>
internal sealed record MetricChange(
    string Measure,
    ValueUnit Unit,
    CalendarMonth BeforeMonth,
    double Before,
    CalendarMonth AfterMonth,
    double After,
    string? Place,
    double? ChangeP = null);

/// <summary>Whether a conversion rate moved by more than chance between two cohorts the workbook shows.</summary>
internal static class ConversionChange
{
    public const string NoClearChange = "no clear change (within normal variation)";

    /// <summary>The pooled two-proportion test's p between two matured cells; null when either has no rate.</summary>
    public static double? P(ConversionCell? before, ConversionCell? after) =>
        before is { Rate: not null } && after is { Rate: not null }
            ? Proportions.TwoProportionP(before.Converted, before.Completions, after.Converted, after.Completions)
            : null;

    /// <summary>A rate change is a rise or fall only with p below the significance; null p (nothing to test) is no clear change too.</summary>
    public static bool IsClear(double? p, double significance) => p is { } value && value < significance;
}
