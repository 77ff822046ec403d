using Dapper;
using Hangfire;
using Hangfire.States;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Scheduling;
using PhysicalTheraPT.Analytics.Tests.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Scheduling;

/// <summary>Jobs live in the storage, not in the process: a restart loses none.</summary>
public sealed class JobStorageRestartTests
{
    [Fact]
    public Task Restart_LosesNoEnqueuedScheduledOrFailedJob_OnSqlite() => Restart_LosesNoEnqueuedScheduledOrFailedJob(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Restart_LosesNoEnqueuedScheduledOrFailedJob_OnPostgres() => Restart_LosesNoEnqueuedScheduledOrFailedJob(DatabaseProvider.Postgres);

    private static async Task Restart_LosesNoEnqueuedScheduledOrFailedJob(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
        using var output = new TemporaryFolder();
        await JobTestClinics.SeedAsync(test, clinicCount: 3);
        await using var services = JobTestServices.Build(test, output.Path, new FakeFlagSource());
        string enqueued, scheduled, failed;
        await using (var before = await SchedulingHost.OpenAsync(services, TimeSpan.FromMilliseconds(100), CancellationToken.None))
        {
            // No server runs in this process: the jobs only reach the storage.
            enqueued = before.Client.Create(Work("c01"), new EnqueuedState("clinics"));
            scheduled = before.Client.Create(Work("c02"), new ScheduledState(TimeSpan.FromSeconds(1)));
            failed = before.Client.Create(Work("c03"), new EnqueuedState("clinics"));
            // As Hangfire leaves a job whose retries are used up, or that failed for good.
            before.Client.ChangeState(failed, new FailedState(new PermanentJobFailureException("Bad credentials.")));
        }

        await using var after = await SchedulingHost.OpenAsync(services, TimeSpan.FromMilliseconds(100), CancellationToken.None);
        Assert.Equal(FailedState.StateName, JobCompletion.CurrentState(after.Storage, failed));
        after.StartServer();

        Assert.Equal(SucceededState.StateName, await JobCompletion.WaitAsync(after.Storage, enqueued, TimeSpan.FromMilliseconds(100), TestTimeout.Token));
        Assert.Equal(SucceededState.StateName, await JobCompletion.WaitAsync(after.Storage, scheduled, TimeSpan.FromMilliseconds(100), TestTimeout.Token));
        Assert.Equal(FailedState.StateName, JobCompletion.CurrentState(after.Storage, failed));
        after.Client.Requeue(failed);
        Assert.Equal(SucceededState.StateName, await JobCompletion.WaitAsync(after.Storage, failed, TimeSpan.FromMilliseconds(100), TestTimeout.Token));
        await using var connection = await test.Database.OpenAsync();
        Assert.Equal(["c01", "c02", "c03"], await connection.QueryAsync<string>("SELECT clinic_id FROM patient_flag_sets ORDER BY clinic_id"));
    }

    private static Hangfire.Common.Job Work(string clinicId) =>
        Hangfire.Common.Job.FromExpression<ClinicWorkJob>(job => job.RunAsync(JobNames.RefreshFlags, clinicId, "2026-03-02", null, CancellationToken.None), "clinics");
}
