using PhysicalTheraPT.Analytics.Reports.Spreadsheets;

namespace PhysicalTheraPT.Analytics.Reports.Monthly;

/// <summary>
/// One breakdown as a table: name (and detail), completions, converted and rate per window. Rows are
/// sorted by completions, largest first, then by name, whatever order they came in.
/// </summary>
internal static class BreakdownTable
{
    public const string NotRecorded = "(not recorded)";

    public static TablePlacement Write(
        SheetCanvas canvas, int headerRow, string tableName, string nameHeader, string? detailHeader, IReadOnlyList<int> windows, IReadOnlyList<BreakdownLine> rows)
    {
        List<ReportColumn<BreakdownLine>> columns = [new(nameHeader, row => ReportCell.Of(string.IsNullOrWhiteSpace(row.Name) ? NotRecorded : row.Name))];
        if (detailHeader is not null)
        {
            columns.Add(new(detailHeader, row => ReportCell.Of(row.Detail)));
        }

        columns.Add(new("Completions", row => ReportCell.Count(row.Completions)));
        columns.AddRange(ConversionColumns.For<BreakdownLine>(windows, (row, window) => row.Conversion(window)));
        return canvas.Table(headerRow, 1, tableName, columns, Sorted(rows));
    }

    public static IReadOnlyList<BreakdownLine> Sorted(IEnumerable<BreakdownLine> rows) =>
        [.. rows.OrderByDescending(row => row.Completions).ThenBy(row => row.Name, StringComparer.Ordinal).ThenBy(row => row.Detail, StringComparer.Ordinal)];
}
