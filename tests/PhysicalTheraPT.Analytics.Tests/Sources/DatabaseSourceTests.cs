using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Seeding;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Sources;

/// <summary>
/// A <c>database</c> source over a practice database whose schema looks nothing like the contract, on
/// real servers: synced, it must give exactly what importing the same history as contract CSV files gives.
/// </summary>
public sealed class DatabaseSourceTests
{
    [PostgresFact]
    public Task Sync_GivesTheSameFlagsAndMetricsAsImportingTheCsv_WhenSourceIsPostgres() => SameAsImportAsync("postgres");

    [MariaDbFact]
    public Task Sync_GivesTheSameFlagsAndMetricsAsImportingTheCsv_WhenSourceIsMariaDb() => SameAsImportAsync("mysql");

    [Fact]
    public Task Sync_GivesTheSameFlagsAndMetricsAsImportingTheCsv_WhenSourceIsSqlite() => SameAsImportAsync("sqlite");

    [SqlServerFact]
    public Task Sync_GivesTheSameFlagsAndMetricsAsImportingTheCsv_WhenSourceIsSqlServer() => SameAsImportAsync("sqlserver");

    [PostgresFact]
    public async Task Sync_WritesNothingNew_WhenRunAgainWithNothingChanged()
    {
        // Arrange
        using var export = new TemporaryFolder();
        await ClinicHistorySeeder.WriteCsvAsync(Settings, export.Path, null, default);
        await using var practice = await PracticeDatabase.CreateAsync("postgres");
        await practice.LoadContractExportAsync(export.Path);
        using var store = TestDatabase.Create(DatabaseProvider.Postgres);
        var harness = new SourceSyncHarness(store.Database);
        var first = await harness.SyncAsync(practice.Source());

        // Act
        var second = await harness.SyncAsync(practice.Source());

        // Assert
        Assert.True(first.Tables.Single(table => table.Table == "appointments").New > 100);
        Assert.All(second.Tables, table => Assert.Equal((table.Read, 0, 0, 0), (table.Unchanged, table.New, table.Changed, table.Removed)));
    }

    private static SeedSettings Settings => new() { Clinics = 2, Patients = 120, Months = 14, Until = SeededHistory.Until };

    private static async Task SameAsImportAsync(string provider)
    {
        // Arrange: one history, as contract files and as the practice's own tables.
        using var export = new TemporaryFolder();
        await ClinicHistorySeeder.WriteCsvAsync(Settings, export.Path, null, default);
        await using var practice = await PracticeDatabase.CreateAsync(provider);
        await practice.LoadContractExportAsync(export.Path);
        using var imported = TestDatabase.CreateSqlite();
        using var synced = TestDatabase.CreateSqlite();
        var importHarness = new SourceSyncHarness(imported.Database);
        var syncHarness = new SourceSyncHarness(synced.Database);
        var import = await importHarness.ImportAsync(export.Path);

        // Act
        var sync = await syncHarness.SyncAsync(practice.Source());

        // Assert
        Assert.True(import.Committed);
        Assert.Equal(import.Files.Sum(file => file.Read), sync.Tables.Sum(table => table.Read));
        Assert.Equal(await DatabaseSnapshot.TakeAsync(imported.Database), await DatabaseSnapshot.TakeAsync(synced.Database), SnapshotComparer.Instance);
        var asOf = SeededHistory.Until;
        var importedFlags = await importHarness.FlagsAsync(asOf);
        Assert.NotEmpty(importedFlags);
        Assert.Equal(importedFlags, await syncHarness.FlagsAsync(asOf));
        var month = CalendarMonth.Of(asOf).AddMonths(-1);
        Assert.Equal(await importHarness.MetricsJsonAsync(month, asOf), await syncHarness.MetricsJsonAsync(month, asOf));
    }

    private sealed class SnapshotComparer : IEqualityComparer<DatabaseSnapshot>
    {
        public static readonly SnapshotComparer Instance = new();

        public bool Equals(DatabaseSnapshot? x, DatabaseSnapshot? y) => x?.ToString() == y?.ToString();

        public int GetHashCode(DatabaseSnapshot obj) => obj.ToString().GetHashCode(StringComparison.Ordinal);
    }
}
