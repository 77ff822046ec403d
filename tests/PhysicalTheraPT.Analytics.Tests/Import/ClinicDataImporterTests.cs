using Dapper;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Import;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Import;

public sealed class ClinicDataImporterTests(SharedDatabaseFixture fixture) : IClassFixture<SharedDatabaseFixture>
{
    [Fact]
    public Task ImportAsync_WritesEveryFile_WhenExportIsValid_OnSqlite() => AssertValidExportLands(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ImportAsync_WritesEveryFile_WhenExportIsValid_OnPostgres() => AssertValidExportLands(DatabaseProvider.Postgres);

    [Fact]
    public Task ImportAsync_ChangesNothing_WhenSameFilesImportedTwice_OnSqlite() => AssertReimportChangesNothing(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ImportAsync_ChangesNothing_WhenSameFilesImportedTwice_OnPostgres() => AssertReimportChangesNothing(DatabaseProvider.Postgres);

    [Fact]
    public Task ImportAsync_ConvertsBookedAtWithClinicTimeZone_WhenItHasNoOffset_OnSqlite() => AssertBookedAtConversion(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ImportAsync_ConvertsBookedAtWithClinicTimeZone_WhenItHasNoOffset_OnPostgres() => AssertBookedAtConversion(DatabaseProvider.Postgres);

    [Fact]
    public Task ImportAsync_NamesFileAndLineAndWritesNothing_WhenDatabaseRefusesABatch_OnSqlite() => AssertRefusedBatchReported(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ImportAsync_NamesFileAndLineAndWritesNothing_WhenDatabaseRefusesABatch_OnPostgres() => AssertRefusedBatchReported(DatabaseProvider.Postgres);

    [Fact]
    public async Task ImportAsync_CountsOnlyTheChangedRow_WhenOneValueChangesBetweenImports()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        export.Appointments.Add(("appointment_id", "a2"), ("status", "booked"));
        await TestImport.RunAsync(test.Database, export.Write());
        export.Appointments.Set(1, "status", "no_show");

        var result = await TestImport.RunAsync(test.Database, export.Write());

        var appointments = result.Files.Single(file => file.FileName == "appointments.csv");
        Assert.Equal((1, 1), (appointments.NewOrChanged, appointments.Unchanged));
        Assert.Equal(1, result.RowsNewOrChanged);
        Assert.Equal("no_show", await ScalarAsync<string>(test.Database, "SELECT status FROM appointments WHERE appointment_id = 'a2'"));
    }

    [Fact]
    public async Task ImportAsync_MapsEmrServiceNames_WhenConfiguredInImportServiceNames()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        export.Appointments.Set(0, "service", "deep tissue 60");
        export.Appointments.Add(("appointment_id", "a2"), ("service", " Recovery_Massage "));
        export.Appointments.Add(("appointment_id", "a3"), ("service", "PT Eval"));
        var serviceNames = new Dictionary<string, string> { ["Deep Tissue 60"] = "maintenance_massage", ["PT Eval"] = "pt" };

        var result = await TestImport.RunAsync(test.Database, export.Write(), serviceNames: serviceNames);

        Assert.True(result.Committed, string.Join("\n", result.Errors));
        var services = await QueryAsync<string>(test.Database, "SELECT service FROM appointments ORDER BY appointment_id");
        Assert.Equal(["maintenance_massage", "recovery_massage", "pt"], services);
    }

    [Fact]
    public async Task ImportAsync_RefusesConfiguration_WhenServiceNameMapsToUnknownService()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();

        var error = await Assert.ThrowsAsync<UserInputException>(() =>
            TestImport.RunAsync(test.Database, export.Write(), serviceNames: new() { ["Deep Tissue"] = "massage" }));

        Assert.Contains("Import:ServiceNames maps 'Deep Tissue' to 'massage'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_ReadsOnlyPresentFiles_WhenExportHoldsSomeOfThem()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using (var first = ClinicExport.Valid())
        {
            await TestImport.RunAsync(test.Database, first.Write());
        }

        using var later = new ClinicExport();
        later.Appointments.Add(("appointment_id", "a2"), ("starts_at", "2026-03-01T10:00"));

        var result = await TestImport.RunAsync(test.Database, later.Write());

        Assert.Equal(["appointments.csv"], result.Files.Select(file => file.FileName));
        Assert.Equal(2, await ScalarAsync<long>(test.Database, "SELECT COUNT(*) FROM appointments"));
    }

    [Fact]
    public async Task ImportAsync_NamesTheFilesItLookedFor_WhenFolderHoldsNone()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var empty = new ClinicExport();

        var error = await Assert.ThrowsAsync<UserInputException>(() => TestImport.RunAsync(test.Database, empty.Write()));

        Assert.Contains("clinics.csv, providers.csv, patients.csv, episodes.csv, appointments.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_ReportsRowsSoFar_WhileReadingLongFiles()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        for (var number = 2; number <= 25; number++)
        {
            export.Appointments.Add(("appointment_id", $"a{number}"));
        }

        var progress = new RecordingProgress<ImportProgress>();

        await TestImport.RunAsync(test.Database, export.Write(), progress: progress, batchSize: 10);

        var appointments = progress.Reports.Where(report => report.FileName == "appointments.csv").ToList();
        Assert.Equal([10, 20, 25], appointments.Select(report => report.RowsRead));
        Assert.True(appointments[^1].FileDone);
    }

    [Fact]
    public async Task ImportAsync_LeavesPooledSqliteConnectionWithDefaultSettings_AfterImport()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();

        await TestImport.RunAsync(test.Database, export.Write());

        await using var connection = await test.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("PRAGMA temp_store"));
        Assert.Equal(-2000, await connection.ExecuteScalarAsync<long>("PRAGMA cache_size"));
    }

    private async Task AssertValidExportLands(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        using var export = ClinicExport.Valid();
        export.Patients.Add(("patient_id", "p2"), ("first_name", "Bob"), ("birth_date", ""), ("phone", ""), ("email", ""), ("preferred_channel", ""), ("do_not_contact", "YES"));
        export.Appointments.Add(("appointment_id", "a2"), ("patient_id", "p2"), ("episode_id", ""), ("provider_id", ""), ("service", "maintenance_massage"), ("starts_at", "2026-03-05T16:45:30"), ("status", "booked"), ("booked_at", ""));

        var result = await TestImport.RunAsync(test.Database, export.Write());

        Assert.True(result.Committed, string.Join("\n", result.Errors));
        Assert.Equal(0, result.ErrorCount);
        Assert.Equal([1, 1, 2, 1, 2], result.Files.Select(file => file.NewOrChanged));
        var snapshot = await DatabaseSnapshot.TakeAsync(test.Database);
        Assert.Equal(7, snapshot.TotalRows);
        await using var connection = await test.Database.OpenAsync();
        await using var reader = await connection.ExecuteReaderAsync(
            "SELECT a.starts_at, a.booked_at, a.provider_id, a.episode_id, p.do_not_contact, p.birth_date FROM appointments a JOIN patients p ON p.patient_id = a.patient_id WHERE a.appointment_id = 'a2'");
        Assert.True(await reader.ReadAsync());
        Assert.Equal(new DateTime(2026, 3, 5, 16, 45, 30), reader.GetDateTime(0));
        Assert.True(await reader.IsDBNullAsync(1));
        Assert.True(await reader.IsDBNullAsync(2));
        Assert.True(await reader.IsDBNullAsync(3));
        Assert.True(reader.GetBoolean(4));
        Assert.True(await reader.IsDBNullAsync(5));
    }

    private static async Task AssertRefusedBatchReported(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
        // A rule of this database the import's own checks do not know, so only the database can refuse.
        // SQLite's refusal quotes a name, as SQL Server's duplicate key and truncation messages quote the row.
        await ExecuteAsync(test.Database, provider == DatabaseProvider.Sqlite
            ? "CREATE TRIGGER refuses_no_show BEFORE INSERT ON appointments WHEN NEW.status = 'no_show' BEGIN SELECT RAISE(ABORT, 'refuses_no_show of Jane Doefake'); END"
            : "ALTER TABLE appointments ADD CONSTRAINT refuses_no_show CHECK (status <> 'no_show')");
        using var export = ClinicExport.Valid();
        for (var number = 2; number <= 5; number++)
        {
            export.Appointments.Add(("appointment_id", $"a{number}"), ("status", number == 4 ? "no_show" : "completed"));
        }

        var error = await Assert.ThrowsAsync<UserInputException>(() => TestImport.RunAsync(test.Database, export.Write(), batchSize: 2));

        Assert.StartsWith("The database refused a batch of 2 rows of appointments.csv ending at line 5: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(provider == DatabaseProvider.Sqlite ? "SQLite error 19/" : "constraint refuses_no_show", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Doefake", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was imported.", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await DatabaseSnapshot.TakeAsync(test.Database)).TotalRows);
    }

    private async Task AssertReimportChangesNothing(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        using var export = ClinicExport.Valid();
        export.Appointments.Add(("appointment_id", "a2"), ("booked_at", "2026-01-02T10:00:00.750-07:00"));
        var directory = export.Write();
        var first = await TestImport.RunAsync(test.Database, directory);
        var before = await DatabaseSnapshot.TakeAsync(test.Database);

        var second = await TestImport.RunAsync(test.Database, directory);

        Assert.Equal(6, first.RowsNewOrChanged);
        Assert.Equal(0, second.RowsNewOrChanged);
        Assert.Equal([1, 1, 1, 1, 2], second.Files.Select(file => file.Unchanged));
        Assert.Equal(before.ToString(), (await DatabaseSnapshot.TakeAsync(test.Database)).ToString());
    }

    private async Task AssertBookedAtConversion(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        using var export = ClinicExport.Valid();
        export.Clinics.Add(("clinic_id", "c2"), ("time_zone", "Europe/Berlin"));
        // Denver is UTC-7 in January and UTC-6 in July; Berlin is UTC+2 in July.
        export.Appointments.Set(0, "booked_at", "2026-01-02T10:00");
        export.Appointments.Add(("appointment_id", "a2"), ("booked_at", "2026-07-02T10:00:00"));
        export.Appointments.Add(("appointment_id", "a3"), ("clinic_id", "c2"), ("booked_at", "2026-07-02T10:00"));
        export.Appointments.Add(("appointment_id", "a4"), ("booked_at", "2026-07-02T10:00:00Z"));
        export.Appointments.Add(("appointment_id", "a5"), ("booked_at", "2026-07-02T10:00+05:30"));

        var result = await TestImport.RunAsync(test.Database, export.Write());

        Assert.True(result.Committed, string.Join("\n", result.Errors));
        await using var connection = await test.Database.OpenAsync();
        await using var reader = await connection.ExecuteReaderAsync("SELECT booked_at, starts_at FROM appointments ORDER BY appointment_id");
        var bookedAt = new List<DateTime>();
        while (await reader.ReadAsync())
        {
            // SQLite hands back the stored UTC text with no kind; PostgreSQL a UTC timestamptz.
            var stored = reader.GetDateTime(0);
            bookedAt.Add(stored.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(stored, DateTimeKind.Utc) : stored.ToUniversalTime());
            Assert.Equal(new DateTime(2026, 1, 5, 9, 30, 0), reader.GetDateTime(1));
        }

        Assert.Equal(
            [
                new DateTime(2026, 1, 2, 17, 0, 0, DateTimeKind.Utc),
                new DateTime(2026, 7, 2, 16, 0, 0, DateTimeKind.Utc),
                new DateTime(2026, 7, 2, 8, 0, 0, DateTimeKind.Utc),
                new DateTime(2026, 7, 2, 10, 0, 0, DateTimeKind.Utc),
                new DateTime(2026, 7, 2, 4, 30, 0, DateTimeKind.Utc),
            ],
            bookedAt);
    }

    private static async Task ExecuteAsync(AnalyticsDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    private static async Task<T> ScalarAsync<T>(AnalyticsDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    private static async Task<List<T>> QueryAsync<T>(AnalyticsDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<T>(sql)).ToList();
    }
}
