using Dapper;
using Hangfire.States;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Scheduling;
using PhysicalTheraPT.Analytics.Tests.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Scheduling;

/// <summary>Two servers on one PostgreSQL job storage share a fan-out, as two machines would.</summary>
public sealed class SeveralServersTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    [PostgresFact]
    public async Task TwoServers_ProcessEveryClinicExactlyOnce_AndOneFinishesWhenTheOtherStops()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Postgres);
        using var output = new TemporaryFolder();
        var clinics = await JobTestClinics.SeedAsync(test, clinicCount: 20);
        // outreach-lists fans out one job per clinic (refresh-flags is one pass for all clinics). Every
        // clinic job waits at the gate, so both servers are busy when one of them is stopped.
        var lists = new FakeReportSources { OutreachGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var services = JobTestServices.Build(test, output.Path, reports: lists);
        await using var serverA = await SchedulingHost.OpenAsync(services, Poll, CancellationToken.None);
        await using var serverB = await SchedulingHost.OpenAsync(services, Poll, CancellationToken.None);
        serverA.RegisterRecurringJobs();
        serverA.StartServer("server-a");
        serverB.StartServer("server-b");

        var fanOut = serverA.RecurringJobs.TriggerJob(JobNames.OutreachLists);
        Assert.Equal(SucceededState.StateName, await JobCompletion.WaitAsync(serverB.Storage, fanOut, Poll, TestTimeout.Token));
        // Two workers on each server: four clinic jobs started means both servers hold two each.
        await WaitUntilAsync(() => lists.OutreachCalls >= 4);
        await serverA.StopServerAsync();
        lists.OutreachGate.SetResult();
        var children = serverB.ChildrenOf(fanOut);

        foreach (var child in children)
        {
            Assert.Equal(SucceededState.StateName, await JobCompletion.WaitAsync(serverB.Storage, child, Poll, TestTimeout.Token));
        }

        Assert.Equal(20, children.Length);
        await using var connection = await test.Database.OpenAsync();
        var succeeded = (await connection.QueryAsync<string>("SELECT clinic_id FROM job_runs WHERE status = 'succeeded' ORDER BY clinic_id")).ToList();
        Assert.Equal(clinics, succeeded);
        Assert.Equal(20, Directory.GetFiles(Path.Combine(output.Path, "outreach"), "outreach-*.xlsx").Length);
        var stoppedOnA = await connection.QueryAsync<string>("SELECT server FROM job_runs WHERE status = 'cancelled'");
        Assert.Equal(2, stoppedOnA.Count());
        Assert.All(stoppedOnA, server => Assert.StartsWith("server-a", server, StringComparison.Ordinal));
        Assert.Contains(await connection.QueryAsync<string>("SELECT server FROM job_runs WHERE status = 'succeeded'"), server => server.StartsWith("server-b", StringComparison.Ordinal));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var token = TestTimeout.Token;
        while (!condition())
        {
            await Task.Delay(Poll, token);
        }
    }
}
