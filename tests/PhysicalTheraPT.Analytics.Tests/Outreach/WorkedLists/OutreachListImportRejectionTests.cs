using ClosedXML.Excel;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Outreach.WorkedLists;

/// <summary>
/// A file with any problem is rejected whole: every problem named with file, sheet, row and reason, and
/// the database left exactly as it was, although another row of the same file is fine.
/// </summary>
public sealed class OutreachListImportRejectionTests
{
    private static readonly DateOnly April1 = new(2026, 4, 1);
    private static readonly DateOnly April3 = new(2026, 4, 3);

    public static TheoryData<string> Spoilers() => [.. Spoils.Keys];

    /// <summary>Each way front desk (or a stray file) can spoil an import, and the words the rejection must use.</summary>
    private static readonly Dictionary<string, (Action<OutreachScenario, string> Spoil, string Reason, bool InARow)> Spoils = new()
    {
        ["edited key"] = ((_, list) => BookedWithKey(list, cell => cell.SetValue(cell.GetString().Replace("|P1|", "|P8|", StringComparison.Ordinal))), "signature does not match", true),
        ["forged key"] = ((_, list) => BookedWithKey(list, cell => cell.SetValue(PublicChecksumKey("P8"))), "signature does not match", true),
        ["key signed elsewhere"] = ((_, list) => BookedWithKey(list, cell => cell.SetValue(OutreachRowKey.Create("C01", "P1", "dropped_after_acute", April1).SignedWith(ListSigningKey.CreateNew()))), "signature does not match", true),
        ["list signed elsewhere"] = ((_, list) => SetSignature(list, OutreachListSignature.Sign(ListSigningKey.CreateNew(), "C01", April1)), "not made from this database", false),
        ["unsigned list"] = ((_, list) => SetSignature(list, null), "Make a new list", false),
        ["missing key"] = ((_, list) => BookedWithKey(list, cell => cell.Clear(XLClearOptions.Contents)), "Row key is missing", true),
        ["unknown outcome"] = ((_, list) => OutreachScenario.Fill(list, "P1", "Booked!", April3), "unknown outcome 'Booked!'", true),
        ["another clinic's row"] = (AnotherClinicsRow, "list of clinic C02, but this file is the list of clinic C01", true),
        ["another day's row"] = (AnotherDaysRow, "list of 2026-03-25, but this file is the list of 2026-04-01", true),
        ["missing date"] = ((_, list) => OutreachScenario.Fill(list, "P1", "booked", null), "Outcome date is missing", true),
        ["date before the list"] = ((_, list) => OutreachScenario.Fill(list, "P1", "booked", April1.AddDays(-1)), "before the list was made", true),
        ["date in the future"] = ((_, list) => OutreachScenario.Fill(list, "P1", "booked", OutreachScenario.Today.AddDays(1)), "is in the future (today is 2026-06-01)", true),
        ["date as words"] = ((_, list) => DateAsWords(list), "'last Tuesday' is not a date", true),
        ["missing initials"] = ((_, list) => OutreachScenario.Fill(list, "P1", "booked", April3, initials: null), "Staff initials are missing", true),
        ["date without outcome"] = ((_, list) => OutreachScenario.Fill(list, "P1", null, April3), "but no Outcome", true),
        ["formula in outcome"] = ((_, list) => FormulaInOutcome(list), "the Outcome cell holds a formula", true),
        ["renamed sheet"] = ((_, list) => RenameListSheet(list), "sheet 'Patients to call' is missing", false),
        ["random xlsx"] = ((_, list) => RandomWorkbook(list), "not an outreach list made by ptanalytics", false),
        ["non-xlsx file"] = ((_, list) => File.WriteAllText(list, "patient_id,clinic_id\nP1,C01\n"), "not an Excel workbook (.xlsx)", false),
        ["corrupt zip"] = ((_, list) => File.WriteAllBytes(list, File.ReadAllBytes(list)[..2000]), "not an Excel workbook (.xlsx)", false),
    };

    [Theory]
    [MemberData(nameof(Spoilers))]
    public Task Import_RejectsTheWholeFileAndLeavesTheDatabaseUnchanged_OnSqlite(string spoiler) => RejectsWholeFile(DatabaseProvider.Sqlite, spoiler);

    [PostgresTheory]
    [MemberData(nameof(Spoilers))]
    public Task Import_RejectsTheWholeFileAndLeavesTheDatabaseUnchanged_OnPostgres(string spoiler) => RejectsWholeFile(DatabaseProvider.Postgres, spoiler);

    [Fact]
    public async Task Import_ReportsEveryProblem_NotJustTheFirst()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var list = await scenario.WriteListAsync(April1, "P1", "P2", "P3");
        OutreachScenario.Fill(list, "P1", "maybe", April3);
        OutreachScenario.Fill(list, "P3", "booked", null, initials: null);

        var result = Assert.Single(await scenario.ImportAsync(list));

        Assert.Equal(3, result.Problems.Count);
        Assert.Contains(result.Problems, problem => problem.Reason.Contains("unknown outcome 'maybe'", StringComparison.Ordinal));
        Assert.Equal(2, result.Problems.Count(problem => problem.Row == result.Problems[^1].Row));
    }

    [Fact]
    public async Task Import_RefusesTheWholeList_WhenItWasMadeFromAnotherDatabase()
    {
        // The campaign's case: the same patient ids in both databases, but other people.
        await using var home = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        await using var elsewhere = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var list = await elsewhere.WriteListAsync(April1, "P1", "P2");
        OutreachScenario.Fill(list, "P1", "left_message", April3);
        var before = await home.OutreachTablesAsync();

        var result = Assert.Single(await home.ImportAsync(list));

        var problem = Assert.Single(result.Problems);
        Assert.Contains("not made from this database", problem.Reason, StringComparison.Ordinal);
        Assert.Equal((list, null, null), (problem.File, problem.Sheet, problem.Row));
        Assert.Equal(before, await home.OutreachTablesAsync());
        Assert.Equal(1, (await elsewhere.ImportAsync(list))[0].RecordedCount);
    }

    private static async Task RejectsWholeFile(DatabaseProvider provider, string spoiler)
    {
        await using var scenario = await OutreachScenario.CreateAsync(provider);
        var list = await scenario.WriteListAsync(April1, "P1", "P2");
        var p1Row = RowOf(list, "P1");
        OutreachScenario.Fill(list, "P2", "booked", April3);
        var (spoil, reason, inARow) = Spoils[spoiler];
        spoil(scenario, list);
        var before = await scenario.OutreachTablesAsync();

        var result = Assert.Single(await scenario.ImportAsync(list));

        Assert.False(result.Accepted);
        Assert.Equal(0, result.RecordedCount);
        var problem = Assert.Single(result.Problems);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.Equal(list, problem.File);
        if (inARow)
        {
            Assert.Equal((OutreachListLayout.ListSheet, p1Row), (problem.Sheet, problem.Row));
            Assert.StartsWith(list + ", sheet 'Patients to call', row " + p1Row.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": ", problem.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await scenario.OutreachTablesAsync());
        Assert.Equal(0, await scenario.CountAsync("SELECT COUNT(*) FROM outreach_outcomes"));
    }

    private static int RowOf(string list, string patientId)
    {
        using var workbook = new XLWorkbook(list);
        return OutreachScenario.RowOf(workbook.Worksheet(OutreachListLayout.ListSheet), patientId);
    }

    private static void AnotherClinicsRow(OutreachScenario scenario, string list)
    {
        var uptown = scenario.WriteList("C02", April1, ["Q1"]);
        using var other = new XLWorkbook(uptown);
        var sheet = other.Worksheet(OutreachListLayout.ListSheet);
        var key = sheet.Cell(OutreachScenario.RowOf(sheet, "Q1"), OutreachScenario.ColumnOf(sheet, OutreachListLayout.RowKey)).GetString();
        OutreachScenario.Fill(list, "P1", "booked", April3);
        OutreachScenario.Edit(list, "P1", OutreachListLayout.RowKey, cell => cell.SetValue(key));
    }

    private static void AnotherDaysRow(OutreachScenario scenario, string list)
    {
        var older = scenario.WriteList("C01", April1.AddDays(-7), ["P1"]);
        using var other = new XLWorkbook(older);
        var sheet = other.Worksheet(OutreachListLayout.ListSheet);
        var key = sheet.Cell(OutreachScenario.RowOf(sheet, "P1"), OutreachScenario.ColumnOf(sheet, OutreachListLayout.RowKey)).GetString();
        OutreachScenario.Fill(list, "P1", "booked", April3);
        OutreachScenario.Edit(list, "P1", OutreachListLayout.RowKey, cell => cell.SetValue(key));
    }

    private static void BookedWithKey(string list, Action<IXLCell> editKey)
    {
        OutreachScenario.Fill(list, "P1", "booked", April3);
        OutreachScenario.Edit(list, "P1", OutreachListLayout.RowKey, editKey);
    }

    /// <summary>A key for a patient never listed, "signed" with the public SHA-256 prefix that keys had before.</summary>
    private static string PublicChecksumKey(string patientId)
    {
        var body = "v2|C01|" + patientId + "|dropped_after_acute|2026-04-01";
        return body + "|" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)))[..32];
    }

    /// <summary>Sets (or removes) the list's signature in both places a list carries it: the identity sheet and the document properties.</summary>
    private static void SetSignature(string list, string? signature)
    {
        using (var workbook = new XLWorkbook(list))
        {
            var identity = workbook.Worksheet(WorkbookMarker.IdentitySheet);
            var value = identity.Column(1).CellsUsed().Single(cell => cell.GetString() == WorkbookMarker.Signature).CellRight();
            if (signature is null)
            {
                value.Clear(XLClearOptions.Contents);
            }
            else
            {
                value.SetValue(signature);
            }

            workbook.Save();
        }

        using var document = SpreadsheetDocument.Open(list, isEditable: true);
        var properties = document.CustomFilePropertiesPart!.Properties;
        var property = properties.Elements<CustomDocumentProperty>().Single(property => property.Name == WorkbookMarker.Signature);
        if (signature is null)
        {
            property.Remove();
        }
        else
        {
            property.VTLPWSTR = new VTLPWSTR(signature);
        }

        properties.Save();
    }

    private static void FormulaInOutcome(string list)
    {
        OutreachScenario.Fill(list, "P1", "booked", April3);
        OutreachScenario.Edit(list, "P1", OutreachListLayout.Outcome, cell => cell.FormulaA1 = "IF(TRUE,\"booked\",\"declined\")");
    }

    private static void DateAsWords(string list)
    {
        OutreachScenario.Fill(list, "P1", "booked", April3);
        OutreachScenario.Edit(list, "P1", OutreachListLayout.OutcomeDate, cell => cell.SetValue("last Tuesday"));
    }

    private static void RenameListSheet(string list)
    {
        using var workbook = new XLWorkbook(list);
        workbook.Worksheet(OutreachListLayout.ListSheet).Name = "Calls";
        workbook.Save();
    }

    private static void RandomWorkbook(string list)
    {
        File.Delete(list);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(OutreachListLayout.ListSheet);
        sheet.Cell(3, 1).SetValue(OutreachListLayout.Outcome);
        sheet.Cell(3, 2).SetValue(OutreachListLayout.RowKey);
        sheet.Cell(4, 1).SetValue("booked");
        workbook.SaveAs(list);
    }
}
