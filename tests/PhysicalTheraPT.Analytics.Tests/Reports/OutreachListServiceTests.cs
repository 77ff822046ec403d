using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

public sealed class OutreachListServiceTests
{
    [Fact]
    public async Task WriteAsync_DatesEachClinicsListByItsOwnToday_WhenNoAsOfIsGiven()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var folder = new TemporaryFolder();
        await TwoTimeZones.Build().WriteAsync(test.Database);

        var run = await Service(test.Database, TwoTimeZones.Clock()).WriteAsync(new OutreachListRequest { OutputDirectory = folder.Path });

        Assert.Equal(
            [("denver", new DateOnly(2026, 3, 1), 0), ("newyork", new DateOnly(2026, 3, 2), 1)],
            run.Lists.Select(list => (list.ClinicId, list.AsOf, list.File.RowsWritten)));
        Assert.Equal(
            ["outreach-denver-2026-03-01.xlsx", "outreach-newyork-2026-03-02.xlsx"],
            Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_WritesAListWithNobodyToCall_ForAClinicWithoutFlags()
    {
        await using var test = await RetentionCommandData.CreateDatabaseAsync();
        using var folder = new TemporaryFolder();

        var run = await Service(test.Database, TimeProvider.System).WriteAsync(new OutreachListRequest { AsOf = new DateOnly(2026, 3, 2), ClinicId = "c3", OutputDirectory = folder.Path });

        var list = Assert.Single(run.Lists);
        Assert.Equal(("c3", 0, 0), (list.ClinicId, list.Flagged, list.File.RowsWritten));
        Assert.True(File.Exists(list.File.Path));
    }

    [Fact]
    public async Task BuildAsync_GivesTheSameListFromTheStoredFlags_WithoutRunningTheEngine()
    {
        var asOf = new DateOnly(2026, 3, 2);
        await using var computedHere = await RetentionCommandData.CreateDatabaseAsync();
        await using var storedHere = await RetentionCommandData.CreateDatabaseAsync();
        var store = new PatientFlagStore(storedHere.Database, TimeProvider.System);
        var flags = new RetentionAnalysis(storedHere.Database, Options.Create(new RetentionOptions()), TimeProvider.System).StreamFlagsAsync(asOf, clinicId: null);
        await store.ReplaceSetsAsync(["c1", "c2", "c3"], asOf, flags.Select(flag => StoredPatientFlag.From(flag, asOf)), CancellationToken.None);
        // An engine over a database without tables fails at once: the stored path must not touch it.
        await using var noTables = TestDatabase.CreateSqlite(migrate: false);
        var fromStore = Service(storedHere.Database, TimeProvider.System, engineDatabase: noTables.Database);

        var computed = await Service(computedHere.Database, TimeProvider.System).BuildAsync("c1", asOf);
        var stored = await fromStore.BuildAsync("c1", asOf);

        Assert.True(computed.FlagsComputed);
        Assert.False(stored.FlagsComputed);
        Assert.NotEmpty(computed.List.Rows);
        Assert.Equal(computed.List.Rows, stored.List.Rows);
        Assert.Equal((computed.List.ClinicId, computed.List.ClinicName, computed.List.AsOf), (stored.List.ClinicId, stored.List.ClinicName, stored.List.AsOf));
    }

    private static OutreachListService Service(AnalyticsDatabase database, TimeProvider clock, AnalyticsDatabase? engineDatabase = null) =>
        new(
            database,
            new RetentionAnalysis(engineDatabase ?? database, Options.Create(new RetentionOptions()), clock),
            new PatientFlagStore(database, clock),
            new OutreachListWriter(new ListSigningKeyStore(database)),
            new OutreachQueue(database, Options.Create(new OutreachOptions())));
}
