using ClosedXML.Excel;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;

namespace PhysicalTheraPT.Analytics.Reports.Monthly;

/// <summary>
/// Completion month × conversion window, heat-mapped. The colour scale covers matured rates only, so a
/// maturing cell ("maturing", grey) can never be painted as a bad result.
/// </summary>
internal static class CohortsSheet
{
    public const string Name = "Cohorts";

    public const string TableName = "Cohorts";

    public static void Write(XLWorkbook workbook, MonthlyReport report)
    {
        var canvas = MonthlySheet.Start(workbook, Name, report, "Cohorts: conversion by month acute care ended");
        canvas.Note(MonthlySheet.FirstContentRow - 1,
            "Each row: patients who finished acute care that month. Colours compare matured rates within a window (green higher, orange lower); \"maturing\" cells are still open.");
        var cohorts = report.Cohorts.OrderBy(row => row.CompletionMonth).ToList();
        List<ReportColumn<CohortRow>> columns =
        [
            new("Month acute care ended", row => ReportCell.Month(row.CompletionMonth)),
            new("Completions", row => ReportCell.Count(row.Completions)),
            .. ConversionColumns.For<CohortRow>(report.CohortWindows, (row, window) => row.Window(window), report.FewPatients),
        ];
        var table = canvas.Table(MonthlySheet.FirstContentRow, 1, TableName, columns, cohorts);

        for (var index = 0; index < report.CohortWindows.Count; index++)
        {
            var window = report.CohortWindows[index];
            var rateColumn = table.FirstColumn + 2 + (index * 2) + 1;
            HeatMapMaturedRates(canvas.Sheet, table, rateColumn, cohorts, row => row.Window(window));
        }

        MonthlySheet.Finish(canvas, report, table.HeaderRow);
    }

    /// <summary>
    /// One colour scale per window over the rows whose window has closed. Windows close month by month,
    /// oldest first, so the matured rows are the top of the column and the maturing ones are below the
    /// range; a month without completions inside it is blank, which a colour scale leaves uncoloured.
    /// </summary>
    private static void HeatMapMaturedRates(IXLWorksheet sheet, TablePlacement table, int column, IReadOnlyList<CohortRow> rows, Func<CohortRow, ConversionCell?> cellOf)
    {
        var matured = rows
            .Select((row, index) => (Row: table.FirstDataRow + index, Cell: cellOf(row)))
            .Where(entry => entry.Cell is { Maturing: false, Rate: not null })
            .Select(entry => entry.Row)
            .ToList();
        if (matured.Count == 0)
        {
            return;
        }

        sheet.Range(matured[0], column, matured[^1], column).AddConditionalFormat().ColorScale()
            .LowestValue(XLColor.FromHtml(ReportPalette.HeatLow))
            .Midpoint(XLCFContentType.Percentile, 50, XLColor.FromHtml(ReportPalette.HeatMiddle))
            .HighestValue(XLColor.FromHtml(ReportPalette.HeatHigh));
    }
}
