using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Scheduling;
using PhysicalTheraPT.Analytics.Sources;
using PhysicalTheraPT.Analytics.Tests.Jobs;
using PhysicalTheraPT.Analytics.Tests.Sources;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Scheduling;

/// <summary>With sources configured, the night's refresh-flags follows the night's sync, good or bad.</summary>
public sealed class SyncChainTests
{
    [Fact]
    public async Task Sync_StartsRefreshFlagsOnTheFreshCopy_WhenItSucceeds()
    {
        await using var practice = await SourceMirrorTests.PracticeWithVisitsAsync(visits: 5);

        var flags = await RunSyncThenFlagsAsync(practice.Source());

        Assert.Equal(JobRunStatus.Succeeded, flags.Status);
        Assert.Contains("Data synced 0.0 h ago.", flags.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_StillStartsRefreshFlagsAndSaysTheCopyIsOld_WhenItFails()
    {
        await using var practice = await SourceMirrorTests.PracticeWithVisitsAsync(visits: 5);
        var broken = practice.Source();
        broken.Queries.Appointments = "SELECT * FROM no_such_table";

        var flags = await RunSyncThenFlagsAsync(broken, lastGoodCopy: practice.Source());

        Assert.Equal(JobRunStatus.Succeeded, flags.Status);
        Assert.Contains("The last sync of practice failed: these flags judge the copy synced ", flags.Message, StringComparison.Ordinal);
        Assert.Contains(" h old).", flags.Message, StringComparison.Ordinal);
    }

    private static async Task<JobRun> RunSyncThenFlagsAsync(SourceOptions source, SourceOptions? lastGoodCopy = null)
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        if (lastGoodCopy is not null)
        {
            await new SourceSyncHarness(test.Database).SyncAsync(lastGoodCopy);
        }

        using var output = new TemporaryFolder();
        await using var services = JobTestServices.Build(test, output.Path, settings: new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = source.Name,
            ["Sources:0:Kind"] = source.Kind,
            ["Sources:0:Provider"] = source.Provider,
            ["Sources:0:ConnectionString"] = source.ConnectionString,
            ["Sources:0:Queries:Clinics"] = source.Queries.Clinics,
            ["Sources:0:Queries:Providers"] = source.Queries.Providers,
            ["Sources:0:Queries:Patients"] = source.Queries.Patients,
            ["Sources:0:Queries:Appointments"] = source.Queries.Appointments,
            ["Sources:0:Statuses:ARR"] = "completed",
            ["Sources:0:ServiceNames:PT-TX"] = "pt",
        });
        await using var host = await SchedulingHost.OpenAsync(services, pollInterval: TimeSpan.FromMilliseconds(100), TestTimeout.Token);
        host.RegisterRecurringJobs();
        host.StartServer();

        await host.TriggerAndWaitAsync(JobNames.Sync, TestTimeout.Token);

        var runs = new JobRunStore(test.Database, TimeProvider.System);
        while (true)
        {
            var flags = (await runs.ListRecentAsync(20, TestTimeout.Token)).FirstOrDefault(run => run.Job == JobNames.RefreshFlags && run.Status != JobRunStatus.Running);
            if (flags is not null)
            {
                return flags;
            }

            await Task.Delay(100, TestTimeout.Token);
        }
    }
}
