using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Sources;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

public sealed class JobPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PlanAsync_PlansOneAllClinicsRefresh_WhenEveryClinicSharesADate()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await JobTestClinics.SeedAsync(test, clinicCount: 3, timeZone: "America/Denver");
        var options = new SchedulingOptions { ClinicTimeZones = { ["c02"] = "America/Chicago" } };

        var work = await Planner(test, options).PlanAsync(JobNames.RefreshFlags, CancellationToken.None);

        // 05:00 UTC: 22:00 in Denver, 23:00 in Chicago, both still 28 February.
        Assert.Equal([new JobWorkItem(JobNames.RefreshFlags, null, "2026-02-28")], work);
    }

    [Fact]
    public async Task PlanAsync_KeepsOutreachListsPerClinic_WhenEveryClinicSharesADate()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await JobTestClinics.SeedAsync(test, clinicCount: 2, timeZone: "America/Denver");

        var work = await Planner(test, new SchedulingOptions()).PlanAsync(JobNames.OutreachLists, CancellationToken.None);

        Assert.Equal(
            [new JobWorkItem(JobNames.OutreachLists, "c01", "2026-02-28"), new JobWorkItem(JobNames.OutreachLists, "c02", "2026-02-28")],
            work);
    }

    [Fact]
    public async Task PlanAsync_GivesEachClinicItsLocalToday_WhenClinicsAreOnDifferentDates()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await JobTestClinics.SeedAsync(test, clinicCount: 2, timeZone: "America/Denver");
        var options = new SchedulingOptions { ClinicTimeZones = { ["c02"] = "Europe/Berlin" } };

        var work = await Planner(test, options).PlanAsync(JobNames.RefreshFlags, CancellationToken.None);

        Assert.Equal(
            [new JobWorkItem(JobNames.RefreshFlags, "c01", "2026-02-28"), new JobWorkItem(JobNames.RefreshFlags, "c02", "2026-03-01")],
            work);
    }

    [Fact]
    public async Task PlanAsync_AddsTheAllClinicsWorkbook_ForTheMonthBeforeTheScheduleToday()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await JobTestClinics.SeedAsync(test, clinicCount: 2, timeZone: "America/Denver");

        var work = await Planner(test, new SchedulingOptions { TimeZone = "UTC" }).PlanAsync(JobNames.RetentionReport, CancellationToken.None);

        // Every workbook of one run covers the same month, although Denver's local date is still in February.
        Assert.Equal(
            [
                new JobWorkItem(JobNames.RetentionReport, null, "2026-02"),
                new JobWorkItem(JobNames.RetentionReport, "c01", "2026-02"),
                new JobWorkItem(JobNames.RetentionReport, "c02", "2026-02"),
            ],
            work);
    }

    [Theory]
    [InlineData(JobNames.OutreachLists)]
    [InlineData(JobNames.RefreshFlags)]
    public async Task PlanAsync_PlansNothing_WhenThereAreNoClinics(string jobName)
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);

        var work = await Planner(test, new SchedulingOptions()).PlanAsync(jobName, CancellationToken.None);

        Assert.Empty(work);
    }

    [Fact]
    public async Task PlanAsync_PlansOneSyncForEverySource_WhenSourcesAreConfigured()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        var sources = new SourcesOptions { Sources = [new SourceOptions { Name = "emr" }, new SourceOptions { Name = "exports" }] };

        var withSources = await Planner(test, new SchedulingOptions(), sources).PlanAsync(JobNames.Sync, CancellationToken.None);
        var without = await Planner(test, new SchedulingOptions()).PlanAsync(JobNames.Sync, CancellationToken.None);

        Assert.Equal([JobWorkItem.ForDate(JobNames.Sync, null, DateOnly.FromDateTime(Now.UtcDateTime))], withSources);
        Assert.Empty(without);
    }

    private static JobPlanner Planner(TestDatabase test, SchedulingOptions options, SourcesOptions? sources = null) =>
        new(test.Database, new ClinicCalendar(new FakeTimeProvider(Now), Options.Create(options)), Options.Create(sources ?? new SourcesOptions()));
}
