using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Outreach;

public sealed class OutreachListServiceTests
{
    [Fact]
    public async Task WriteAsync_DatesEachClinicsListByItsOwnToday_WhenNoAsOfIsGiven()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var folder = new TemporaryFolder();
        await new ClinicDataBuilder()
            .Clinic("denver", "America/Denver")
            .Clinic("newyork", "America/New_York")
            .Patient("p1", "denver")
            .Patient("p2", "newyork")
            .Episode("e1", "p1", "2026-02-01", "2026-02-16", "goals_met")
            .Episode("e2", "p2", "2026-02-01", "2026-02-16", "goals_met")
            .WriteAsync(test.Database);
        // 05:30 UTC: still 1 March in Denver (13 days after the discharge), already 2 March in New York (14).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 5, 30, 0, TimeSpan.Zero));

        var run = await Service(test.Database, clock).WriteAsync(new OutreachListRequest { OutputDirectory = folder.Path });

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

    private static OutreachListService Service(AnalyticsDatabase database, TimeProvider clock) =>
        new(database, new RetentionAnalysis(database, Options.Create(new RetentionOptions()), clock), new OutreachListWriter());
}
