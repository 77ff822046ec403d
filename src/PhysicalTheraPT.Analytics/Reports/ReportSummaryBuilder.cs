using System.Globalization;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Derives the Summary sheet's headline numbers from the 12-month trend, so the Summary and the Trend
/// sheet can never disagree: the value for the month, the month before, the median of the 12 months
/// ending at the report month, and for conversion the latest cohort whose window has closed.
/// </summary>
internal static class ReportSummaryBuilder
{
    public static ReportSummary Build(
        CalendarMonth month, DateOnly asOf, IReadOnlyList<TrendMonth> trend, IReadOnlyList<int> conversionWindows, IReadOnlyList<string> whatChanged,
        double changeSignificance = 0.05, int fewPatients = 20)
    {
        var months = LastTwelve(month, trend);
        var current = months.LastOrDefault(row => row.Month == month);
        var before = months.LastOrDefault(row => row.Month == month.AddMonths(-1));

        var headlines = new List<HeadlineNumber>
        {
            CountHeadline(MeasureNames.AcuteCompletions, month, current, before, months, row => row.AcuteCompletions,
                current is { Provisional: true } ? "Provisional: patients who just stopped coming are not counted yet." : null) with
            {
                Provisional = current is { Provisional: true },
            },
        };
        var maturedCohorts = new List<MaturedCohort>();
        foreach (var window in conversionWindows)
        {
            var (headline, cohort) = ConversionHeadline(window, months, changeSignificance, fewPatients);
            headlines.Add(headline);
            maturedCohorts.Add(cohort);
        }

        var asOfNote = "Patients flagged as of " + IsoDate.Format(asOf) + ".";
        headlines.Add(CountHeadline(MeasureNames.DroppedAfterAcute, month, current, before, months, row => row.DroppedAfterAcute, asOfNote));
        headlines.Add(CountHeadline(MeasureNames.MaintenanceLapsed, month, current, before, months, row => row.MaintenanceLapsed, asOfNote));
        headlines.Add(CountHeadline(MeasureNames.ActiveMaintenancePatients, month, current, before, months, row => row.ActiveMaintenancePatients, null));
        headlines.Add(new HeadlineNumber(
            MeasureNames.VisitsPerEpisodeMedian,
            ValueUnit.Decimal,
            month,
            current?.VisitsPerEpisodeMedian,
            before?.VisitsPerEpisodeMedian,
            ReportStatistics.Median(months.Where(row => row.VisitsPerEpisodeMedian is not null).Select(row => row.VisitsPerEpisodeMedian!.Value)),
            current is { Provisional: true } ? "Provisional, like the completions it is based on." : null,
            current is { Provisional: true }));

        return new ReportSummary(headlines, maturedCohorts, whatChanged);
    }

    /// <summary>The trend months up to the report month, at most 12, oldest first.</summary>
    internal static IReadOnlyList<TrendMonth> LastTwelve(CalendarMonth month, IReadOnlyList<TrendMonth> trend) =>
        [.. trend.Where(row => row.Month <= month && row.Month > month.AddMonths(-12)).OrderBy(row => row.Month)];

    private static HeadlineNumber CountHeadline(
        string measure, CalendarMonth month, TrendMonth? current, TrendMonth? before, IReadOnlyList<TrendMonth> months, Func<TrendMonth, int?> value, string? note)
    {
        var history = months.Select(value).Where(count => count is not null).Select(count => (double)count!.Value).ToList();

        // A "median" of the report month alone (patients to call are only counted as of the report's date)
        // would just repeat the value and pass for history.
        return new HeadlineNumber(
            measure, ValueUnit.Count, month, AsDouble(current is null ? null : value(current)), AsDouble(before is null ? null : value(before)),
            history.Count < 2 ? null : ReportStatistics.Median(history), note);
    }

    private static (HeadlineNumber Headline, MaturedCohort Cohort) ConversionHeadline(int window, IReadOnlyList<TrendMonth> months, double changeSignificance, int fewPatients)
    {
        var matured = months
            .Select(row => (row.Month, Cell: row.Conversion(window)))
            .Where(entry => entry.Cell is { Maturing: false })
            .ToList();
        var latest = matured.Count > 0 ? matured[^1] : default;
        var previous = matured.Count > 0 ? matured.LastOrDefault(entry => entry.Month == latest.Month.AddMonths(-1)) : default;
        var median = ReportStatistics.Median(matured.Where(entry => entry.Cell!.Rate is not null).Select(entry => entry.Cell!.Rate!.Value));

        if (latest.Cell is null)
        {
            return (
                new HeadlineNumber(MeasureNames.ConversionWithin(window), ValueUnit.Rate, null, null, null, null,
                    "No cohort in these 12 months has had the full " + Days(window) + " yet."),
                new MaturedCohort(window, null, 0, 0, null));
        }

        var changeP = ConversionChange.P(previous.Cell, latest.Cell);
        var withinNoise = previous.Cell?.Rate is not null && latest.Cell.Rate is not null && !ConversionChange.IsClear(changeP, changeSignificance);
        var note = "Patients who finished acute care in " + latest.Month.LongLabel + ", the latest month with the full " + Days(window) + " behind it"
            + (latest.Cell.Interval is { } interval ? " (95% interval " + RateText.Interval(interval) + ")" : "")
            + (latest.Cell.HasFewPatients(fewPatients) ? ", " + RateText.FewPatients : "")
            + (changeP is { } p ? string.Create(CultureInfo.InvariantCulture, $"; change from the month before p = {p:0.00}") : "")
            + ".";
        return (
            new HeadlineNumber(MeasureNames.ConversionWithin(window), ValueUnit.Rate, latest.Month, latest.Cell.Rate, previous.Cell?.Rate, median, note)
            {
                ChangeP = changeP,
                WithinNormalVariation = withinNoise,
            },
            new MaturedCohort(window, latest.Month, latest.Cell.Completions, latest.Cell.Converted, latest.Cell.Rate));
    }

    private static string Days(int window) => string.Create(CultureInfo.InvariantCulture, $"{window} days");

    private static double? AsDouble(int? value) => value;
}

/// <summary>The one statistic the report computes itself: the median of a handful of monthly values.</summary>
internal static class ReportStatistics
{
    /// <summary>The middle value, or the mean of the two middle values; null for no values.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
