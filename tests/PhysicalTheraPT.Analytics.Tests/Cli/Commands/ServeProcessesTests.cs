using Dapper;
using Hangfire.States;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Scheduling;
using PhysicalTheraPT.Analytics.Tests.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

/// <summary>Two real <c>ptanalytics serve</c> processes on one PostgreSQL database, as two machines would run them.</summary>
public sealed class ServeProcessesTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    [PostgresFact]
    public async Task TwoServeProcesses_ProcessEveryClinicExactlyOnce_WhenOneIsStoppedAfterTheFanOut()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Postgres);
        var (seedExit, seedOutput) = await CliRunner.RunAsync(["seed", "--clinics", "20", "--patients", "600", "--months", "12", .. test.CommandLineArguments]);
        Assert.True(seedExit == 0, seedOutput);
        using var output = new TemporaryFolder();
        var environment = new Dictionary<string, string>
        {
            ["PTA_Scheduling__WorkerCount"] = "2",
            ["PTA_Scheduling__QueuePollInterval"] = "00:00:00.200",
            ["PTA_Scheduling__SchedulePollingInterval"] = "00:00:00.200",
            ["PTA_Scheduling__OutputDirectory"] = output.Path,
        };
        using var serverA = CliProcess.Start(["serve", "--no-dashboard", "--server-name", "server-a", .. test.CommandLineArguments], environment);
        using var serverB = CliProcess.Start(["serve", "--no-dashboard", "--server-name", "server-b", .. test.CommandLineArguments], environment);
        await serverA.WaitForOutputAsync("Running.", TestTimeout.Token);
        await serverB.WaitForOutputAsync("Running.", TestTimeout.Token);
        await using var services = JobTestServices.Build(test, output.Path);
        await using var client = await SchedulingHost.OpenAsync(services, Poll, CancellationToken.None);

        // outreach-lists fans out one job per clinic (refresh-flags is one pass for all clinics).
        var fanOut = client.RecurringJobs.TriggerJob(JobNames.OutreachLists);
        Assert.Equal(SucceededState.StateName, await JobCompletion.WaitAsync(client.Storage, fanOut, Poll, TestTimeout.Token));
        serverA.Terminate();
        var children = client.ChildrenOf(fanOut);
        foreach (var child in children)
        {
            Assert.Equal(SucceededState.StateName, await JobCompletion.WaitAsync(client.Storage, child, Poll, TestTimeout.Token));
        }

        Assert.Equal(0, await serverA.WaitForExitAsync(TestTimeout.Token));
        Assert.Equal(20, children.Length);
        await using var connection = await test.Database.OpenAsync();
        var succeeded = (await connection.QueryAsync<string>("SELECT clinic_id FROM job_runs WHERE status = 'succeeded' ORDER BY clinic_id")).ToList();
        Assert.Equal(20, succeeded.Distinct().Count());
        Assert.Equal(20, succeeded.Count);
        Assert.Equal(20, Directory.GetFiles(Path.Combine(output.Path, "outreach"), "outreach-*.xlsx").Length);
        Assert.Empty(await connection.QueryAsync<string>("SELECT run_id FROM job_runs WHERE status IN ('running', 'failed')"));
    }
}
