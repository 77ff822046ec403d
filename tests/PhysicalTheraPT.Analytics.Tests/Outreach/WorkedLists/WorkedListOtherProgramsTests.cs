using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Outreach.WorkedLists;

/// <summary>
/// Lists filled in and saved by programs that rewrite the package (openpyxl, LibreOffice; Google Sheets
/// and Numbers behave like openpyxl): they drop custom document properties, so the list's identity must
/// come from its hidden identity sheet, and the checks must hold all the same.
/// </summary>
public sealed class WorkedListOtherProgramsTests
{
    private static readonly DateOnly April1 = new(2026, 4, 1);

    /// <summary>Fills one patient's row as a script would: outcome, date (as a date), initials; optionally moves the key to another patient.</summary>
    private const string OpenpyxlFill = """
        import sys, datetime, openpyxl
        path, patient, outcome, day, initials, other = sys.argv[1:7]
        workbook = openpyxl.load_workbook(path)
        sheet = workbook["Patients to call"]
        column = {cell.value: cell.column for cell in sheet[3] if cell.value}
        for row in range(4, sheet.max_row + 1):
            key = sheet.cell(row, column["Row key"]).value or ""
            if "|" + patient + "|" in key:
                sheet.cell(row, column["Outcome"]).value = outcome
                sheet.cell(row, column["Outcome date"]).value = datetime.date.fromisoformat(day)
                sheet.cell(row, column["Staff initials"]).value = initials
                if other:
                    sheet.cell(row, column["Row key"]).value = key.replace("|" + patient + "|", "|" + other + "|")
        workbook.save(path)
        """;

    [OpenpyxlFact]
    public async Task Import_RecordsTheOutcome_WhenTheListWasFilledInAndSavedWithOpenpyxl()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var list = await scenario.WriteListAsync(April1, "P1", "P2");

        SpreadsheetPrograms.Python(OpenpyxlFill, list, "P1", "booked", "2026-04-03", "JD", "");
        var result = Assert.Single(await scenario.ImportAsync(list));

        Assert.False(HasDocumentMarker(list), "openpyxl was expected to drop the custom document properties");
        Assert.True(result.Accepted, string.Join("\n", result.Problems));
        Assert.Equal((1, 1, "C01", (DateOnly?)April1), (result.RecordedCount, result.BlankRows, result.ClinicId, result.AsOf));
        Assert.Equal(1, await scenario.CountAsync("SELECT COUNT(*) FROM outreach_outcomes WHERE patient_id = 'P1' AND outcome = 'booked' AND staff_initials = 'JD'"));
    }

    [OpenpyxlFact]
    public async Task Import_RejectsTheList_WhenAKeyWasEditedInAListSavedWithOpenpyxl()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var list = await scenario.WriteListAsync(April1, "P1", "P2");

        SpreadsheetPrograms.Python(OpenpyxlFill, list, "P1", "booked", "2026-04-03", "JD", "P8");
        var result = Assert.Single(await scenario.ImportAsync(list));

        Assert.Contains("signature does not match", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
        Assert.Equal(0, await scenario.CountAsync("SELECT COUNT(*) FROM outreach_outcomes"));
    }

    [OpenpyxlFact]
    public async Task Import_RejectsARandomWorkbookSavedWithOpenpyxl_AsNotAnOutreachList()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var path = Path.Combine(scenario.Folder, "calls.xlsx");

        SpreadsheetPrograms.Python("""
            import sys, openpyxl
            workbook = openpyxl.Workbook()
            sheet = workbook.active
            sheet.title = "Patients to call"
            sheet["A3"], sheet["B3"], sheet["A4"] = "Outcome", "Row key", "booked"
            workbook.save(sys.argv[1])
            """, path);
        var result = Assert.Single(await scenario.ImportAsync(path));

        Assert.Contains("not an outreach list made by ptanalytics", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }

    [LibreOfficeFact]
    public async Task Import_RecordsTheOutcome_WhenTheListWasFilledInAndRoundTrippedThroughLibreOffice()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var list = await scenario.WriteListAsync(April1, "P1", "P2");
        OutreachScenario.Fill(list, "P2", "left_message", new DateOnly(2026, 4, 2));

        SpreadsheetPrograms.LibreOfficeRoundTrip(list);
        var result = Assert.Single(await scenario.ImportAsync(list));

        Assert.True(result.Accepted, string.Join("\n", result.Problems));
        Assert.Equal(1, result.RecordedCount);
        Assert.Equal(1, (await scenario.OpenItemAsync("P2"))!.Attempts);
    }

    [Fact]
    public async Task Import_RecordsTheOutcome_WhenAnOlderListHasOnlyItsDocumentProperties()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var list = await scenario.WriteListAsync(April1, "P1");
        OutreachScenario.Fill(list, "P1", "declined", new DateOnly(2026, 4, 2));
        using (var workbook = new XLWorkbook(list))
        {
            workbook.Worksheet(WorkbookMarker.IdentitySheet).Delete();
            workbook.Save();
        }

        var result = Assert.Single(await scenario.ImportAsync(list));

        Assert.True(HasDocumentMarker(list));
        Assert.True(result.Accepted, string.Join("\n", result.Problems));
        Assert.Equal(1, result.RecordedCount);
    }

    [Fact]
    public async Task Import_RejectsAWorkbookWithAMadeUpIdentitySheet_AsNotMadeFromThisDatabase()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var path = Path.Combine(scenario.Folder, "forged.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var list = workbook.AddWorksheet("Patients to call");
            string[] headers = ["Outcome", "Outcome date", "Staff initials", "Row key"];
            for (var column = 0; column < headers.Length; column++)
            {
                list.Cell(3, column + 1).SetValue(headers[column]);
            }

            var identity = workbook.AddWorksheet(WorkbookMarker.IdentitySheet);
            string[][] marker =
            [
                [WorkbookMarker.Document, WorkbookMarker.OutreachList], [WorkbookMarker.LayoutVersion, "1"], [WorkbookMarker.ClinicId, "C01"],
                [WorkbookMarker.AsOf, "2026-04-01"], [WorkbookMarker.Signature, OutreachListSignature.Sign(ListSigningKey.CreateNew(), "C01", April1)],
            ];
            for (var row = 0; row < marker.Length; row++)
            {
                identity.Cell(row + 1, 1).SetValue(marker[row][0]);
                identity.Cell(row + 1, 2).SetValue(marker[row][1]);
            }

            workbook.SaveAs(path);
        }

        var result = Assert.Single(await scenario.ImportAsync(path));

        Assert.Contains("not made from this database", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }

    private static bool HasDocumentMarker(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        return document.CustomFilePropertiesPart?.Properties?.InnerText.Contains(WorkbookMarker.OutreachList, StringComparison.Ordinal) == true;
    }
}
