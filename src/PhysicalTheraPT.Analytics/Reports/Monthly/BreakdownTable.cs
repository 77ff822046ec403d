using System.Globalization;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports.Monthly;

/// <summary>
/// One breakdown as a table: name (and detail), completions, converted and rate per window (and the
/// completions each window counts, when that is fewer than the row's). Rows are sorted by completions,
/// largest first, then by name, whatever order they came in.
/// </summary>
internal static class BreakdownTable
{
    public const string NotRecorded = "(not recorded)";

    public static TablePlacement Write(
        SheetCanvas canvas, int headerRow, string tableName, string nameHeader, string? detailHeader, MonthlyReport report, IReadOnlyList<BreakdownLine> rows,
        bool comparedWithGroup = false)
    {
        var windows = report.ConversionWindows;
        var countsPerWindow = report.Breakdowns.Windows is { Count: > 0 };
        List<ReportColumn<BreakdownLine>> columns = [new(nameHeader, row => ReportCell.Of(string.IsNullOrWhiteSpace(row.Name) ? NotRecorded : row.Name))];
        if (detailHeader is not null)
        {
            columns.Add(new(detailHeader, row => ReportCell.Of(row.Detail)));
        }

        columns.Add(new("Completions", row => ReportCell.Count(row.Completions)));
        columns.AddRange(countsPerWindow
            ? ConversionColumns.WithCounted<BreakdownLine>(windows, (row, window) => row.Conversion(window), report.FewPatients)
            : ConversionColumns.For<BreakdownLine>(windows, (row, window) => row.Conversion(window), report.FewPatients));
        if (comparedWithGroup && report.Breakdowns.Group is { } group)
        {
            foreach (var window in windows)
            {
                var groupRate = group.Conversion(window)?.Rate;
                columns.Add(new(ComparedHeader(window), row => row.Name == group.Name && row.Detail == group.Detail
                    ? ReportCell.Blank
                    : ReportCell.Of(RateText.ComparedWithGroup(row.Conversion(window)?.Interval, groupRate))));
            }
        }

        return canvas.Table(headerRow, 1, tableName, columns, Sorted(rows));
    }

    public static string ComparedHeader(int window) => string.Create(CultureInfo.InvariantCulture, $"Within {window} days vs the group");

    /// <summary>
    /// The lines above a breakdown saying what it counts: the period of the completions, the months each
    /// window's conversion counts when that is fewer, and what "maturing" means.
    /// </summary>
    public static IReadOnlyList<string> Notes(ReportBreakdowns breakdowns, int fewPatients)
    {
        var notes = new List<string>();
        var windows = breakdowns.Windows ?? [];
        if (windows.Count > 0)
        {
            var counted = windows.Select(window => window.AnyClosed
                ? string.Create(CultureInfo.InvariantCulture, $"within {window.WindowDays} days {Period(window.FirstMonth!.Value, window.LastMonth!.Value)}")
                : string.Create(CultureInfo.InvariantCulture, $"within {window.WindowDays} days none yet"));
            notes.Add($"Completions: every month from {breakdowns.PeriodLabel}. Conversion counts only the months whose window has closed ({string.Join("; ", counted)}); \"Counted\" is how many completions those are.");
        }

        notes.Add("\"maturing\": the window has not closed yet, so the rate is not known; grey numbers are conversions so far.");
        notes.Add("Each rate shows its 95% interval, the range the true rate plausibly lies in; \"few patients\": fewer than " + fewPatients.ToString(CultureInfo.InvariantCulture) + " completions behind it. "
            + "Above or below the group only when the whole interval lies on one side of the group's rate; otherwise in line with the group.");
        return notes;
    }

    public static IReadOnlyList<BreakdownLine> Sorted(IEnumerable<BreakdownLine> rows) =>
        [.. rows.OrderByDescending(row => row.Completions).ThenBy(row => row.Name, StringComparer.Ordinal).ThenBy(row => row.Detail, StringComparer.Ordinal)];

    private static string Period(CalendarMonth first, CalendarMonth last) =>
        first == last ? first.ShortLabel : first.ShortLabel + " to " + last.ShortLabel;
}
