using CsvHelper;
using Dapper;
using PhysicalTheraPT.Analytics.Cli;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Import;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Import;

/// <summary><c>--skip-invalid</c>: the valid rows land, the others go to an owner-only rejects file with their reasons.</summary>
public sealed class SkipInvalidTests(SharedDatabaseFixture fixture) : IClassFixture<SharedDatabaseFixture>
{
    [Fact]
    public Task ImportAsync_ImportsValidRowsAndWritesRejects_WhenSkippingInvalid_OnSqlite() => AssertValidRowsLandAndRejectsAreWritten(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ImportAsync_ImportsValidRowsAndWritesRejects_WhenSkippingInvalid_OnPostgres() => AssertValidRowsLandAndRejectsAreWritten(DatabaseProvider.Postgres);

    [Fact]
    public async Task ImportAsync_WritesEmptyRejectsFile_WhenAskedForByNameAndNoRowIsBad()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        var rejectsPath = Path.Combine(export.Directory, "out", "rejects.csv");

        var result = await TestImport.RunAsync(test.Database, export.Write(), skipInvalid: true, rejectsPath: rejectsPath);

        Assert.Equal(rejectsPath, result.RejectsPath);
        Assert.Equal(["file,line,columns,reasons,record"], File.ReadAllLines(rejectsPath));
    }

    [Fact]
    public async Task ImportAsync_WritesNoRejectsFile_WhenNoRowIsBadAndNoNameGiven()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();

        var result = await TestImport.RunAsync(test.Database, export.Write(), skipInvalid: true);

        Assert.Null(result.RejectsPath);
        Assert.Empty(Directory.GetFiles(export.Directory, "rejects-*"));
    }

    [Fact]
    public async Task ImportAsync_LeavesNoRejectsFileAndWritesNothing_WhenCancelledMidway()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        export.Appointments.Add(("appointment_id", "a2"), ("status", "done"));
        export.Appointments.Add(("appointment_id", "a3"));
        using var cancellation = new CancellationTokenSource();
        var cancelInAppointments = new SynchronousProgress<ImportProgress>(progress =>
        {
            if (progress.FileName == "appointments.csv" && progress.RowsRead == 2)
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TestImport.RunAsync(test.Database, export.Write(), skipInvalid: true, progress: cancelInAppointments, batchSize: 1, cancellationToken: cancellation.Token));

        Assert.Equal(5, Directory.GetFiles(export.Directory).Length);
        Assert.Equal(0, (await DatabaseSnapshot.TakeAsync(test.Database)).TotalRows);
    }

    private async Task AssertValidRowsLandAndRejectsAreWritten(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        using var export = ClinicExport.Valid();
        export.Patients.Add(("patient_id", "p2"), ("email", "bob-at-example.com"));
        export.Episodes.Add(("episode_id", "e2"), ("patient_id", "p2"));
        export.Appointments.Add(("appointment_id", "a2"), ("patient_id", "p2"), ("episode_id", "e2"));
        export.Appointments.Add(("appointment_id", "a3"), ("status", "done"), ("service", "Deep, \"tissue\""));
        export.Appointments.Add(("appointment_id", "a4"), ("starts_at", "2026-01-07T11:00"));

        var result = await TestImport.RunAsync(test.Database, export.Write(), skipInvalid: true);

        Assert.True(result.Committed);
        Assert.Equal([0, 0, 1, 1, 2], result.Files.Select(file => file.Rejected));
        Assert.Equal([1, 1, 1, 1, 2], result.Files.Select(file => file.NewOrChanged));
        await using (var connection = await test.Database.OpenAsync())
        {
            Assert.Equal(["a1", "a4"], (await connection.QueryAsync<string>("SELECT appointment_id FROM appointments ORDER BY appointment_id")).ToList());
        }

        var rejectsPath = Path.Combine(export.Directory, "rejects-20260401-123015.csv");
        Assert.Equal(rejectsPath, result.RejectsPath);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(rejectsPath));
        }

        Assert.Empty(Directory.GetFiles(export.Directory, ".*"));
        var rejects = ReadRejects(rejectsPath);
        Assert.Equal(["patients.csv:3", "episodes.csv:3", "appointments.csv:3", "appointments.csv:4"], rejects.Select(row => $"{row[0]}:{row[1]}"));
        Assert.Equal("email", rejects[0][2]);
        Assert.Contains("was rejected in patients.csv:3, so this row is rejected too", rejects[1][3], StringComparison.Ordinal);
        Assert.Contains("was rejected in episodes.csv:3", rejects[2][3], StringComparison.Ordinal);
        Assert.Equal("service; status", rejects[3][2]);
        Assert.Equal("a3,p1,c1,pr1,e1,\"Deep, \"\"tissue\"\"\",2026-01-05T09:30,done,2026-01-02T10:00", rejects[3][4]);
    }

    private static List<string[]> ReadRejects(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',' });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return rows;
    }
}
