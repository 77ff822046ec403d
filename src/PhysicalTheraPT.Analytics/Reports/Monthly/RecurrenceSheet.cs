using System.Globalization;
using ClosedXML.Excel;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;

namespace PhysicalTheraPT.Analytics.Reports.Monthly;

/// <summary>Re-injury within a year, converted vs not converted, with the counts behind each rate.</summary>
internal static class RecurrenceSheet
{
    public const string Name = "Recurrence";

    public const string TableName = "Recurrence";

    public static void Write(XLWorkbook workbook, MonthlyReport report)
    {
        var recurrence = report.Recurrence;
        var canvas = MonthlySheet.Start(workbook, Name, report, "Recurrence: does maintenance keep patients out of trouble?");
        canvas.Note(MonthlySheet.FirstContentRow - 1, string.Create(
            CultureInfo.InvariantCulture,
            $"Patients who finished acute care from {recurrence.FirstCompletionMonth.LongLabel} to {recurrence.LastCompletionMonth.LongLabel}, and whether they started a new episode within {recurrence.RecurrenceWindowDays} days.")
            + (recurrence.Maturing ? " Still maturing: the latest of these patients have not had the whole window yet, so the counts can grow." : ""));

        var all = new RecurrenceCounts(
            recurrence.Converted.Completions + recurrence.NotConverted.Completions, recurrence.Converted.ReInjured + recurrence.NotConverted.ReInjured);
        (string Group, RecurrenceCounts Counts)[] rows =
        [
            (string.Create(CultureInfo.InvariantCulture, $"Converted within {recurrence.ConversionWindowDays} days"), recurrence.Converted),
            (string.Create(CultureInfo.InvariantCulture, $"Not converted within {recurrence.ConversionWindowDays} days"), recurrence.NotConverted),
            ("All", all),
        ];
        ReportColumn<(string Group, RecurrenceCounts Counts)>[] columns =
        [
            new("Group", row => ReportCell.Of(row.Group)),
            new("Completions", row => ReportCell.Count(row.Counts.Completions)),
            new("Started a new episode", row => ReportCell.Count(row.Counts.ReInjured, notFinal: recurrence.Maturing)),
            new("Rate", row => recurrence.Maturing ? ReportCell.Maturing : ReportCell.Rate(row.Counts.Rate)),
        ];
        var table = canvas.Table(MonthlySheet.FirstContentRow, 1, TableName, columns, rows);
        MonthlySheet.Finish(canvas, report, table.HeaderRow);
    }
}
