using ClosedXML.Excel;

namespace PhysicalTheraPT.Analytics.Reports.Monthly;

/// <summary>The Clinics, Providers and End types sheets: one breakdown table each.</summary>
internal static class BreakdownSheet
{
    public const string Clinics = "Clinics";

    public const string Providers = "Providers";

    public const string EndTypes = "End types";

    public static void WriteClinics(XLWorkbook workbook, MonthlyReport report) =>
        Write(workbook, report, Clinics, "Clinics", "Clinic", "Clinic id", report.Breakdowns.Clinics, comparedWithGroup: true);

    public static void WriteProviders(XLWorkbook workbook, MonthlyReport report) =>
        Write(workbook, report, Providers, "Providers", "Discharging provider", "Clinic", report.Breakdowns.Providers, comparedWithGroup: true);

    public static void WriteEndTypes(XLWorkbook workbook, MonthlyReport report) =>
        Write(workbook, report, EndTypes, "EndTypes", "How acute care ended", null,
            [.. report.Breakdowns.EndTypes.Select(row => row with { Name = EndTypeLabels.Label(row.Name) })]);

    private static void Write(XLWorkbook workbook, MonthlyReport report, string sheetName, string tableName, string nameHeader, string? detailHeader, IReadOnlyList<BreakdownLine> rows, bool comparedWithGroup = false)
    {
        var canvas = MonthlySheet.Start(workbook, sheetName, report, $"{sheetName}: patients who finished acute care in {report.Breakdowns.PeriodLabel}");
        var row = MonthlySheet.FirstContentRow - 1;
        foreach (var note in BreakdownTable.Notes(report.Breakdowns, report.FewPatients))
        {
            canvas.Note(row++, note);
        }

        var table = BreakdownTable.Write(canvas, row, tableName, nameHeader, detailHeader, report, rows, comparedWithGroup);
        MonthlySheet.Finish(canvas, report, table.HeaderRow);
    }
}
