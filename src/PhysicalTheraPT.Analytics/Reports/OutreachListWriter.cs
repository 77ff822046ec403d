using ClosedXML.Excel;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports.OutreachLists;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Writes one clinic's outreach list, <c>outreach-&lt;clinic_id&gt;-&lt;yyyy-MM-dd&gt;.xlsx</c>: instructions
/// first, then the patients by priority with the columns front desk fills in. The file holds contact
/// details: it is written atomically and readable by its owner only. Do-not-contact patients are
/// left out here too, whatever the caller passed.
/// </summary>
public sealed class OutreachListWriter
{
    public OutreachListFile Write(OutreachList list, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(list);
        var rows = list.Rows
            .Where(row => !row.DoNotContact)
            .OrderByDescending(row => row.Priority)
            .ThenByDescending(row => row.DaysSince)
            .ThenBy(row => row.PatientId, StringComparer.Ordinal)
            .ToList();
        var skipped = list.Rows.Count - rows.Count;

        var path = Path.GetFullPath(Path.Combine(outputDirectory, ReportFileNames.OutreachList(list.ClinicId, list.AsOf)));
        AtomicFile.Write(path, FilePrivacy.OwnerOnly, stream =>
        {
            using var workbook = new XLWorkbook();
            SetProperties(workbook, list);
            InstructionsSheet.Write(workbook, list, rows.Count);
            ListSheet.Write(workbook, list, rows);
            workbook.SaveAs(stream);
        });
        return new OutreachListFile(path, rows.Count, skipped);
    }

    private static void SetProperties(XLWorkbook workbook, OutreachList list)
    {
        var stamp = list.AsOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        workbook.Properties.Created = stamp;
        workbook.Properties.Modified = stamp;
        workbook.Properties.Author = "PhysicalTheraPT Analytics";
        workbook.Properties.Title = "Patients to call · " + list.ClinicName;
        workbook.CustomProperties.Add(WorkbookMarker.Document, WorkbookMarker.OutreachList);
        workbook.CustomProperties.Add(WorkbookMarker.LayoutVersion, OutreachListLayout.LayoutVersion);
        workbook.CustomProperties.Add(WorkbookMarker.ClinicId, list.ClinicId);
        workbook.CustomProperties.Add(WorkbookMarker.AsOf, list.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
