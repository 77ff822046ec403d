using System.Text;
using Dapper;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Import;

/// <summary>What a real EMR export looks like: BOMs, CRLF, quoted commas and line breaks, its own column order.</summary>
public sealed class CsvFormatTests(SharedDatabaseFixture fixture) : IClassFixture<SharedDatabaseFixture>
{
    [Fact]
    public async Task ImportAsync_ReadsQuotedCommasNewlinesAndBom_WhenExportComesFromExcel()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        export.ByteOrderMark = true;
        export.NewLine = "\r\n";
        export.Clinics.Set(0, "name", "Eastside, \"Downtown\"");
        export.Episodes.Set(0, "condition", "low back pain\r\nafter a fall");

        var result = await TestImport.RunAsync(test.Database, export.Write());

        Assert.True(result.Committed, string.Join("\n", result.Errors));
        await using var connection = await test.Database.OpenAsync();
        Assert.Equal("Eastside, \"Downtown\"", await connection.ExecuteScalarAsync<string>("SELECT name FROM clinics"));
        Assert.Equal("low back pain\r\nafter a fall", await connection.ExecuteScalarAsync<string>("SELECT condition FROM episodes"));
        Assert.Equal("c1", await connection.ExecuteScalarAsync<string>("SELECT clinic_id FROM clinics"));
    }

    [Fact]
    public async Task ImportAsync_ReportsPhysicalLine_WhenEarlierRowsHaveQuotedLineBreaks()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        export.Episodes.Set(0, "condition", "line one\nline two\nline three");
        export.Episodes.Add(("episode_id", "e2"), ("started_on", "someday"));

        var result = await TestImport.RunAsync(test.Database, export.Write());

        // Header on line 1, e1 on lines 2-4, e2 on line 5.
        var error = Assert.Single(result.Errors);
        Assert.Equal("episodes.csv:5, started_on is not a date in the form YYYY-MM-DD", error.ToString());
    }

    [Fact]
    public async Task ImportAsync_MatchesColumnsByName_WhenOrderCaseAndSpacingDifferAndExtraColumnsExist()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        export.Appointments.Header.Reverse();
        export.Appointments.Header.Insert(3, "room");
        export.Appointments.Header[0] = " Booked_At ";
        export.Patients.Header.Add("insurance_carrier");

        var result = await TestImport.RunAsync(test.Database, export.Write());

        Assert.True(result.Committed, string.Join("\n", result.Errors));
        await using var connection = await test.Database.OpenAsync();
        var row = await connection.QuerySingleAsync<(string Status, string Service, string BookedAt)>("SELECT status, service, booked_at FROM appointments");
        Assert.Equal(("completed", "pt", "2026-01-02 17:00:00"), (row.Status, row.Service, row.BookedAt[..19]));
    }

    [Fact]
    public async Task ImportAsync_RejectsRowAsAWhole_WhenItsFieldCountDiffersFromHeader()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        var directory = export.Write();
        File.AppendAllText(export.PathOf(export.Providers), "pr2,c1,Ruiz, Dana,massage_therapy\n");

        var result = await TestImport.RunAsync(test.Database, directory);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("providers.csv", 3, "(row)"), (error.FileName, error.Line, error.Column));
        Assert.Contains("5 fields but the header has 4", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_RejectsRow_WhenQuoteIsNeverClosed()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        var directory = export.Write();
        File.AppendAllText(export.PathOf(export.Appointments), "a2,p1,c1,pr1,e1,pt,\"2026-01-06T09:30,completed,\n");

        var result = await TestImport.RunAsync(test.Database, directory);

        Assert.Contains(result.Errors, error => error.Line == 3 && error.Reason.Contains("never closed", StringComparison.Ordinal));
        Assert.False(result.Committed);
    }

    [Fact]
    public async Task ImportAsync_RejectsRow_WhenFileIsNotUtf8()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        var directory = export.Write();
        var latin1 = Encoding.Latin1.GetBytes("p2,c1,Zoë,Brontë,,,,,false\n");
        await using (var patients = new FileStream(export.PathOf(export.Patients), FileMode.Append))
        {
            patients.Write(latin1);
        }

        var result = await TestImport.RunAsync(test.Database, directory);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("patients.csv", 3), (error.FileName, error.Line));
        Assert.Contains("not valid UTF-8", error.Reason, StringComparison.Ordinal);
    }
}
