using Hangfire.Storage;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Scheduling;
using PhysicalTheraPT.Analytics.Tests.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Scheduling;

public sealed class RecurringJobRegistrationTests
{
    [Fact]
    public async Task RegisterRecurringJobs_RegistersEachJobWithItsCronTimeZoneAndQueue()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        await using var services = JobTestServices.Build(test, output.Path, settings: new Dictionary<string, string?>
        {
            ["Scheduling:TimeZone"] = "America/Denver",
            ["Scheduling:OutreachListsCron"] = "15 7 * * 2",
        });
        await using var host = await SchedulingHost.OpenAsync(services, pollInterval: null, CancellationToken.None);

        host.RegisterRecurringJobs();

        using var connection = host.Storage.GetConnection();
        var registered = connection.GetRecurringJobs(JobNames.All).Select(job => (job.Id, job.Cron, job.TimeZoneId, job.Queue)).OrderBy(job => job.Id);
        Assert.Equal(
            [
                (JobNames.OutreachInbox, "*/15 * * * *", "America/Denver", "default"),
                (JobNames.OutreachLists, "15 7 * * 2", "America/Denver", "default"),
                (JobNames.RefreshFlags, "0 2 * * *", "America/Denver", "default"),
                (JobNames.RetentionReport, "0 6 1 * *", "America/Denver", "default"),
                (JobNames.Sync, "30 1 * * *", "America/Denver", "default"),
            ],
            registered);
    }

    [Fact]
    public async Task RegisterRecurringJobs_NamesTheSetting_WhenACronExpressionIsInvalid()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        await using var services = JobTestServices.Build(test, output.Path, settings: new Dictionary<string, string?>
        {
            ["Scheduling:RetentionReportCron"] = "every month",
        });
        await using var host = await SchedulingHost.OpenAsync(services, pollInterval: null, CancellationToken.None);

        var error = Assert.Throws<UserInputException>(host.RegisterRecurringJobs);

        Assert.Contains("Scheduling:RetentionReportCron 'every month'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_KeepsTheJobStorageInAFileBesideTheDataFile_OnSqlite()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        await using var services = JobTestServices.Build(test, output.Path);

        await using (var host = await SchedulingHost.OpenAsync(services, pollInterval: null, CancellationToken.None))
        {
            host.RegisterRecurringJobs();
        }

        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(test.SqlitePath)!, "test.hangfire.db")));
    }
}
