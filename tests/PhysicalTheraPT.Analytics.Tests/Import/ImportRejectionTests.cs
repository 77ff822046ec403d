using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Import;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Import;

/// <summary>
/// By default one bad row refuses the whole import: the error names file, line, column, value and
/// reason, and the database is left exactly as it was (row counts and a checksum of every row).
/// </summary>
public sealed class ImportRejectionTests(SharedDatabaseFixture fixture) : IClassFixture<SharedDatabaseFixture>
{
    public static TheoryData<string> BadRows() => BadRowCase.Names();

    [Theory]
    [MemberData(nameof(BadRows))]
    public Task ImportAsync_RefusesWholeImportAndNamesTheRow_WhenOneRowIsBad_OnSqlite(string badRow) =>
        AssertRefusedAndUnchanged(DatabaseProvider.Sqlite, BadRowCase.Named(badRow));

    [PostgresTheory]
    [InlineData("unparseable date")]
    [InlineData("unknown status")]
    [InlineData("unmapped service name")]
    [InlineData("unknown episode")]
    [InlineData("duplicate id")]
    [InlineData("bad time zone")]
    public Task ImportAsync_RefusesWholeImportAndNamesTheRow_WhenOneRowIsBad_OnPostgres(string badRow) =>
        AssertRefusedAndUnchanged(DatabaseProvider.Postgres, BadRowCase.Named(badRow));

    [Fact]
    public Task ImportAsync_RefusesBeforeWriting_WhenHeaderLacksRequiredColumn_OnSqlite() => AssertMissingColumnRefused(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ImportAsync_RefusesBeforeWriting_WhenHeaderLacksRequiredColumn_OnPostgres() => AssertMissingColumnRefused(DatabaseProvider.Postgres);

    [Fact]
    public async Task ImportAsync_NamesBothLines_WhenIdAppearsTwiceInFile()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = BadRowCase.ValidExportWithTwoRowsEach();
        export.Appointments.Add(("appointment_id", "a3"));
        export.Appointments.Add(("appointment_id", "a1"), ("status", "no_show"));

        var result = await TestImport.RunAsync(test.Database, export.Write());

        var duplicates = result.Errors.Where(error => error.Column == "appointment_id").Select(error => error.ToString()).ToList();
        Assert.Equal(2, duplicates.Count);
        Assert.Contains("appointments.csv:2, appointment_id appears again on line 5", duplicates[0], StringComparison.Ordinal);
        Assert.Contains("appointments.csv:5, appointment_id appears again on line 2", duplicates[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_HidesPersonalValues_WhenPatientColumnsAreBad()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        export.Patients.Add(("patient_id", "p2"), ("first_name", new string('Z', 101)), ("email", "zoe.at.example.com"), ("birth_date", "1980-02-31"), ("phone", new string('5', 41)));

        var result = await TestImport.RunAsync(test.Database, export.Write());

        var messages = string.Join("\n", result.Errors);
        Assert.Equal(["first_name", "birth_date", "phone", "email"], result.Errors.Select(error => error.Column));
        Assert.DoesNotContain("zoe.at.example.com", messages, StringComparison.Ordinal);
        Assert.DoesNotContain("ZZZ", messages, StringComparison.Ordinal);
        Assert.DoesNotContain("1980-02-31", messages, StringComparison.Ordinal);
        Assert.Contains("patients.csv:3, email is not an email address", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_ListsFirstFiftyAndCountsTheRest_WhenManyRowsAreBad()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        for (var number = 2; number <= 61; number++)
        {
            export.Appointments.Add(("appointment_id", $"a{number}"), ("status", "done"));
        }

        var result = await TestImport.RunAsync(test.Database, export.Write());

        Assert.False(result.Committed);
        Assert.Equal(60, result.ErrorCount);
        Assert.Equal(50, result.Errors.Count);
        Assert.Equal(10, result.ErrorsNotListed);
        Assert.Equal(3, result.Errors[0].Line);
        Assert.Equal(52, result.Errors[^1].Line);
    }

    [Fact]
    public async Task ImportAsync_KeepsCheckingLaterFiles_AfterFirstBadRow()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        export.Clinics.Add(("clinic_id", "c2"), ("time_zone", "Nowhere/City"));
        export.Appointments.Add(("appointment_id", "a2"), ("status", "done"));

        var result = await TestImport.RunAsync(test.Database, export.Write());

        Assert.Equal(["clinics.csv:3", "appointments.csv:3"], result.Errors.Select(error => $"{error.FileName}:{error.Line}"));
        Assert.Equal([1, 0, 0, 0, 1], result.Files.Select(file => file.Rejected));
        Assert.All(result.Files, file => Assert.Equal(0, file.NewOrChanged + file.Unchanged));
    }

    private async Task AssertRefusedAndUnchanged(DatabaseProvider provider, BadRowCase badRow)
    {
        var test = await fixture.ResetAsync(provider);
        using (var earlier = ClinicExport.Valid())
        {
            Assert.True((await TestImport.RunAsync(test.Database, earlier.Write())).Committed);
        }

        var before = await DatabaseSnapshot.TakeAsync(test.Database);
        using var export = BadRowCase.ValidExportWithTwoRowsEach();
        export.Appointments.Set(0, "status", "cancelled");
        badRow.Spoil(export);

        var result = await TestImport.RunAsync(test.Database, export.Write());

        Assert.False(result.Committed);
        var error = Assert.Single(result.Errors, error => error.Line == badRow.Line && error.FileName == badRow.File);
        Assert.Equal(badRow.Column, error.Column);
        Assert.Contains(badRow.ReasonPart, error.Reason, StringComparison.Ordinal);
        Assert.Equal(before.ToString(), (await DatabaseSnapshot.TakeAsync(test.Database)).ToString());
    }

    private async Task AssertMissingColumnRefused(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        using var export = ClinicExport.Valid();
        export.Appointments.Header.Remove("status");
        export.Patients.Header.Remove("do_not_contact");

        var error = await Assert.ThrowsAsync<UserInputException>(() => TestImport.RunAsync(test.Database, export.Write()));

        Assert.Contains("patients.csv:1, missing required column do_not_contact", error.Message, StringComparison.Ordinal);
        Assert.Contains("appointments.csv:1, missing required column status", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await DatabaseSnapshot.TakeAsync(test.Database)).TotalRows);
    }
}
