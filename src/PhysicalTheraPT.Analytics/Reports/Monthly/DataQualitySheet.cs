using ClosedXML.Excel;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;

namespace PhysicalTheraPT.Analytics.Reports.Monthly;

/// <summary>What was odd or skipped in the data, most frequent first, with a few ids to look up.</summary>
internal static class DataQualitySheet
{
    public const string Name = "Data quality";

    public const string TableName = "DataQuality";

    public static void Write(XLWorkbook workbook, MonthlyReport report)
    {
        var canvas = MonthlySheet.Start(workbook, Name, report, "Data quality: what was odd or skipped");
        var rows = report.DataQuality.Concat(report.Outreach?.WrongNumbersNote is { } wrongNumbers ? [wrongNumbers] : []).OrderByDescending(row => row.Count).ThenBy(row => row.Kind, StringComparer.Ordinal).ToList();
        canvas.Note(MonthlySheet.FirstContentRow - 1, rows.Count == 0
            ? "Nothing odd found in the data."
            : "These records were counted as described or skipped. Fix them in the clinic software; the next report picks up the change.");
        ReportColumn<DataQualityRow>[] columns =
        [
            new("Kind", row => ReportCell.Of(row.Kind)),
            new("What it means", row => ReportCell.Of(row.Description), Wrap: true),
            new("Count", row => ReportCell.Count(row.Count)),
            new("Examples", row => ReportCell.Of(string.Join(", ", row.ExampleIds)), Wrap: true),
        ];
        var table = canvas.Table(MonthlySheet.FirstContentRow, 1, TableName, columns, rows);
        MonthlySheet.Finish(canvas, report, table.HeaderRow);
    }
}
