using ClosedXML.Excel;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;

namespace PhysicalTheraPT.Analytics.Reports.Monthly;

/// <summary>What every sheet of the monthly workbook starts and ends with: title, scope line, print setup.</summary>
internal static class MonthlySheet
{
    /// <summary>The first row free for content under the title, the scope line and a note.</summary>
    public const int FirstContentRow = 4;

    /// <summary>The title and the scope line, frozen on sheets that hold several tables.</summary>
    public const int TitleRows = 2;

    public static SheetCanvas Start(XLWorkbook workbook, string sheetName, MonthlyReport report, string title)
    {
        var canvas = new SheetCanvas(workbook.AddWorksheet(sheetName));
        canvas.Title(title);
        canvas.Note(2, ScopeLine(report));
        return canvas;
    }

    /// <summary>
    /// Sizes the columns, freezes the rows through <paramref name="freezeThroughRow"/> (a table's header,
    /// or just the title lines on sheets with several tables) and sets up printing, repeating
    /// <paramref name="repeatedHeaderRow"/> on every page.
    /// </summary>
    public static void Finish(SheetCanvas canvas, MonthlyReport report, int freezeThroughRow, int? repeatedHeaderRow)
    {
        canvas.FitColumns();
        canvas.FreezeThrough(freezeThroughRow);
        PrintLayout.Apply(
            canvas.Sheet,
            report.Scope.Name + " · Retention report · " + report.Month.LongLabel + " · " + canvas.Sheet.Name,
            "As of " + Iso(report.AsOf),
            repeatedHeaderRow);
    }

    /// <summary>The usual ending: the sheet's one table header frozen and repeated on every printed page.</summary>
    public static void Finish(SheetCanvas canvas, MonthlyReport report, int tableHeaderRow) =>
        Finish(canvas, report, tableHeaderRow, tableHeaderRow);

    public static string ScopeLine(MonthlyReport report) =>
        $"{report.Scope.Name} · {report.Month.LongLabel} · numbers as of {Iso(report.AsOf)} · report date {Iso(report.GeneratedFor)}";

    public static string Iso(DateOnly date) => IsoDate.Format(date);
}
