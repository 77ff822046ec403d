using System.Text.Json;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

public sealed class FlagsCommandTests
{
    // Worked out by hand from the definitions (see RetentionCommandData), as of 2026-03-02:
    // p01 dropped 20 days after discharge: priority 39 recency + 0 + 0 + 5 for 3 visits = 44;
    // p03 lapsed 51 days after maintenance: 39 recency + 3 for 2 visits = 42;
    // p05 dropped 84 days after an implicit episode: 32 recency + 20 unplanned + 3 for 2 visits = 55.
    private const string ExpectedCsv =
        "patient_id,clinic_id,flag,acute_end,end_type,last_maintenance,days_since,priority,reason\n" +
        "p01,c1,dropped_after_acute,2026-02-10,goals_met,,20,44,Discharged 10 Feb (goals met) after 3 visits with Dana Ruiz; no maintenance booked\n" +
        "p03,c1,maintenance_lapsed,,,2026-01-10,51,42,\"Last maintenance 10 Jan, 51 days ago (usual interval 28 days); nothing booked\"\n" +
        "p05,c2,dropped_after_acute,2025-12-08,unrecorded,,84,55,Last acute visit 8 Dec 2025 (no episode recorded) after 2 visits; no maintenance booked\n";

    [Fact]
    public async Task Flags_WritesOneRowPerFlaggedPatient_AsTheDefinitionsGive()
    {
        await using var test = await RetentionCommandData.CreateDatabaseAsync();

        var (exitCode, output) = await CliRunner.RunAsync([.. test.CommandLineArguments, "flags", "--as-of", "2026-03-02"]);

        Assert.Equal(0, exitCode);
        Assert.Equal(ExpectedCsv, output);
    }

    [PostgresFact]
    public async Task Flags_WritesByteIdenticalCsv_OnSqliteAndPostgres()
    {
        await using var sqlite = await RetentionCommandData.CreateDatabaseAsync();
        await using var postgres = await RetentionCommandData.CreateDatabaseAsync(DatabaseProvider.Postgres);

        var fromSqlite = await CliRunner.RunAsync([.. sqlite.CommandLineArguments, "flags", "--as-of", "2026-03-02"]);
        var fromPostgres = await CliRunner.RunAsync([.. postgres.CommandLineArguments, "flags", "--as-of", "2026-03-02"]);

        Assert.Equal(ExpectedCsv, fromSqlite.Output);
        Assert.Equal(fromSqlite.Output, fromPostgres.Output);
    }

    [Fact]
    public async Task Flags_ListsOnlyTheClinicsPatients_WhenClinicGiven()
    {
        await using var test = await RetentionCommandData.CreateDatabaseAsync();

        var (exitCode, output) = await CliRunner.RunAsync([.. test.CommandLineArguments, "flags", "--as-of", "2026-03-02", "--clinic", "c2"]);

        Assert.Equal(0, exitCode);
        Assert.Equal(
            ["patient_id,clinic_id,flag,acute_end,end_type,last_maintenance,days_since,priority,reason", ExpectedCsv.Split('\n')[3]],
            output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Flags_ExitsWithTheKnownClinics_WhenClinicIsUnknown()
    {
        await using var test = await RetentionCommandData.CreateDatabaseAsync();

        var (exitCode, output) = await CliRunner.RunAsync([.. test.CommandLineArguments, "flags", "--clinic", "c9"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown clinic 'c9': known clinics: c1, c2, c3.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--as-of", "2026-02-30", "--as-of '2026-02-30' is not a date: use YYYY-MM-DD")]
    [InlineData("--as-of", "03/02/2026", "--as-of '03/02/2026' is not a date: use YYYY-MM-DD")]
    [InlineData("--format", "xml", "--format 'xml' is not a format this command writes: use csv or json.")]
    public async Task Flags_ExitsWithAMessage_WhenAnOptionIsMalformed(string option, string value, string message)
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);

        var (exitCode, output) = await CliRunner.RunAsync([.. test.CommandLineArguments, "flags", option, value]);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flags_WritesAnOwnerOnlyFile_WhenOutputGiven()
    {
        await using var test = await RetentionCommandData.CreateDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("pta-flags-");
        var path = Path.Combine(folder.FullName, "flags.csv");
        await File.WriteAllTextAsync(path, "an older list");

        try
        {
            var (exitCode, output) = await CliRunner.RunAsync([.. test.CommandLineArguments, "flags", "--as-of", "2026-03-02", "--output", path]);

            Assert.Equal(0, exitCode);
            Assert.Equal(ExpectedCsv, await File.ReadAllTextAsync(path));
            Assert.Contains("3 flagged patient(s) (2 dropped_after_acute, 1 maintenance_lapsed) of 7 read, as of 2026-03-02", output, StringComparison.Ordinal);
            // Nothing left behind but the file itself.
            Assert.Equal([path], Directory.GetFiles(folder.FullName));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Flags_ExitsWithAMessage_WhenOutputIsAFolder()
    {
        await using var test = await RetentionCommandData.CreateDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("pta-flags-");

        try
        {
            var (exitCode, output) = await CliRunner.RunAsync([.. test.CommandLineArguments, "flags", "--output", folder.FullName]);

            Assert.Equal(2, exitCode);
            Assert.Contains($"--output '{folder.FullName}' is a folder; give a file name", output, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Flags_WritesTheSameRowsAsJson_WhenFormatIsJson()
    {
        await using var test = await RetentionCommandData.CreateDatabaseAsync();

        var (exitCode, output) = await CliRunner.RunAsync([.. test.CommandLineArguments, "flags", "--as-of", "2026-03-02", "--format", "json"]);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(ExpectedCsv.Split('\n')[0].Split(','), rows[0].EnumerateObject().Select(property => property.Name));
        Assert.Equal("p03", rows[1].GetProperty("patient_id").GetString());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("acute_end").ValueKind);
        Assert.Equal("2026-01-10", rows[1].GetProperty("last_maintenance").GetString());
        Assert.Equal(51, rows[1].GetProperty("days_since").GetInt32());
        Assert.Equal("Last maintenance 10 Jan, 51 days ago (usual interval 28 days); nothing booked", rows[1].GetProperty("reason").GetString());
    }
}
