using ClosedXML.Excel;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports.Monthly;

/// <summary>
/// The flagged patients for managers, by patient id, highest priority first. No names, phones or emails:
/// front desk works from the outreach lists, which are separate files. A group of clinics flags tens of
/// thousands of patients and every one is listed, so the rows are streamed into the saved file.
/// </summary>
internal static class PatientsToCallSheet
{
    public const string Name = "Patients to call";

    public const string TableName = "PatientsToCall";

    public static StreamedTableRows Write(XLWorkbook workbook, MonthlyReport report)
    {
        var canvas = MonthlySheet.Start(workbook, Name, report, "Patients to call");
        // Already in the sheet's order; its rows are made as they are read, never held all at once.
        var rows = report.PatientsToCall;
        canvas.Note(MonthlySheet.FirstContentRow - 1, rows.Count == 0
            ? "No patients to call as of " + MonthlySheet.Iso(report.AsOf) + "."
            : "Flagged as of " + MonthlySheet.Iso(report.AsOf) + ", highest priority first. Front desk calls from the outreach lists, which hold the contact details.");

        ReportColumn<PatientToCallRow>[] columns =
        [
            new("Patient id", row => ReportCell.Of(row.PatientId)),
            new("Clinic", row => ReportCell.Of(row.ClinicName)),
            new("Flag", row => ReportCell.Of(row.Flag.Label())),
            new("How acute care ended", row => ReportCell.Of(EndTypeLabels.Label(row.EndType))),
            new("Acute care ended", row => ReportCell.Date(row.AcuteEnd)),
            new("Last maintenance visit", row => ReportCell.Date(row.LastMaintenance)),
            new("Discharging provider", row => ReportCell.Of(row.DischargingProvider)),
            new("Days since", row => ReportCell.Count(row.DaysSince)),
            new("Priority", row => ReportCell.Count(row.Priority)),
            new("Reason", row => ReportCell.Of(row.Reason), Wrap: true),
        ];
        var table = canvas.StreamedTable(MonthlySheet.FirstContentRow, 1, TableName, columns, rows);
        MonthlySheet.Finish(canvas, report, table.Placement.HeaderRow);
        return table;
    }
}
