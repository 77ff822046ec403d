using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using PhysicalTheraPT.Analytics.Reports.OutreachLists;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Writes one clinic's outreach list, <c>outreach-&lt;clinic_id&gt;-&lt;yyyy-MM-dd&gt;.xlsx</c>: instructions
/// first, then the patients by priority with the columns front desk fills in. The file holds contact
/// details: it is written atomically and readable by its owner only. Do-not-contact patients are
/// left out here too, whatever the caller passed. The list and each row key are signed with the
/// installation's key, so only this database accepts the list back. The list's identity is written twice:
/// as custom document properties and as a very hidden sheet (<see cref="IdentitySheet"/>), which programs
/// that drop the properties keep.
/// </summary>
internal sealed class OutreachListWriter(ListSigningKeyStore signingKeys)
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
        var signingKey = signingKeys.Get();
        AtomicFile.Write(path, FilePrivacy.OwnerOnly, output => Build(list, rows, signingKey, output));
        return new OutreachListFile(path, rows.Count, skipped);
    }

    /// <summary>
    /// Writes the workbook, marked as an outreach list, to <paramref name="output"/> (the atomic file's
    /// temporary file): built in memory with the patients as template rows only, their rows streamed in
    /// while the package is copied to the output.
    /// </summary>
    private static void Build(OutreachList list, IReadOnlyList<OutreachListRow> rows, ListSigningKey signingKey, Stream output)
    {
        var marker = new Dictionary<string, string>
        {
            [WorkbookMarker.Document] = WorkbookMarker.OutreachList,
            [WorkbookMarker.LayoutVersion] = OutreachListLayout.LayoutVersion,
            [WorkbookMarker.ClinicId] = list.ClinicId,
            [WorkbookMarker.AsOf] = IsoDate.Format(list.AsOf),
            [WorkbookMarker.Signature] = OutreachListSignature.Sign(signingKey, list.ClinicId, list.AsOf),
        };
        using var buffer = new MemoryStream();
        StreamedTableRows patients;
        using (var workbook = new XLWorkbook())
        {
            var stamp = list.AsOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            workbook.Properties.Created = stamp;
            workbook.Properties.Modified = stamp;
            workbook.Properties.Author = "PhysicalTheraPT Analytics";
            workbook.Properties.Title = "Patients to call · " + list.ClinicName;
            InstructionsSheet.Write(workbook, list, rows.Count);
            patients = ListSheet.Write(workbook, list, rows, signingKey);
            IdentitySheet.Write(workbook, marker);
            workbook.SaveAs(buffer);
        }

        var streamed = new List<StreamedRowsPlan>();
        using (var document = SpreadsheetDocument.Open(buffer, isEditable: true))
        {
            if (!patients.IsEmpty)
            {
                streamed.Add(patients.Prepare(document));
            }

            TextDocumentProperties.Set(document, marker);
        }

        StreamedWorkbookPackage.Write(buffer, streamed, output);
    }
}
