using Dapper;
using Hangfire.States;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Scheduling;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

/// <summary>The jobs through a real Hangfire server, on the storage that follows the database.</summary>
public sealed class ScheduledJobsTests
{
    [Fact]
    public Task RunNow_StoresEachClinicsFlagsAndRecordsEveryRun_OnSqlite() => RunNow_StoresEachClinicsFlagsAndRecordsEveryRun(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task RunNow_StoresEachClinicsFlagsAndRecordsEveryRun_OnPostgres() => RunNow_StoresEachClinicsFlagsAndRecordsEveryRun(DatabaseProvider.Postgres);

    [Fact]
    public Task RunNow_RetriesAFailedClinicJob_AndKeepsExactlyOneSetOnSqlite() => RunNow_RetriesAFailedClinicJob_AndKeepsExactlyOneSet(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task RunNow_RetriesAFailedClinicJob_AndKeepsExactlyOneSetOnPostgres() => RunNow_RetriesAFailedClinicJob_AndKeepsExactlyOneSet(DatabaseProvider.Postgres);

    [Fact]
    public async Task RunNow_FailsAtOnceWithWhatToDo_WhenTheFailureIsPermanent()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        await JobTestClinics.SeedAsync(test, clinicCount: 2);
        var flags = new FakeFlagSource { FailFirstCallWith = () => new UserInputException("Unknown time zone 'Mars/Olympus' in Scheduling:ClinicTimeZones.") };
        await using var services = JobTestServices.Build(test, output.Path, flags);

        var run = Assert.Single(await JobRunner.RunNowAsync(services, [JobNames.RefreshFlags], TestTimeout.Token));

        Assert.False(run.Succeeded);
        Assert.All(run.Work, work =>
        {
            Assert.Equal(FailedState.StateName, work.State);
            Assert.Contains("Mars/Olympus", work.Failure, StringComparison.Ordinal);
            Assert.Contains("Not retried", work.Failure, StringComparison.Ordinal);
            Assert.Equal(1, work.LastRun!.Attempt);
        });
        Assert.Equal(1, flags.Calls["c01"]);
        await using var connection = await test.Database.OpenAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM job_runs WHERE status = 'failed'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM patient_flags"));
    }

    [Fact]
    public async Task RunNow_FailsAtOnceAndSaysToMigrate_WhenATableIsMissing()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        await JobTestClinics.SeedAsync(test, clinicCount: 1);
        await using (var connection = await test.Database.OpenAsync())
        {
            await connection.ExecuteAsync("DROP TABLE patient_flags");
        }

        var flags = new FakeFlagSource();
        await using var services = JobTestServices.Build(test, output.Path, flags);

        var work = Assert.Single(Assert.Single(await JobRunner.RunNowAsync(services, [JobNames.RefreshFlags], TestTimeout.Token)).Work);

        Assert.Equal(FailedState.StateName, work.State);
        Assert.Contains("no such table: patient_flags", work.Failure, StringComparison.Ordinal);
        Assert.Contains("ptanalytics db migrate", work.Failure, StringComparison.Ordinal);
        Assert.Equal(1, flags.Calls["c01"]);
    }

    [Fact]
    public async Task RunNow_FailsTheFanOutAtOnce_WhenAClinicHasAnUnknownTimeZone()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        await JobTestClinics.SeedAsync(test, clinicCount: 1, timeZone: "Mars/Olympus");
        await using var services = JobTestServices.Build(test, output.Path, new FakeFlagSource());

        var run = Assert.Single(await JobRunner.RunNowAsync(services, [JobNames.OutreachLists], TestTimeout.Token));

        Assert.Equal(FailedState.StateName, run.State);
        Assert.Contains("Mars/Olympus", run.Failure, StringComparison.Ordinal);
        Assert.Contains("Not retried", run.Failure, StringComparison.Ordinal);
        Assert.Empty(run.Work);
    }

    [Fact]
    public async Task RunNow_LeavesIdenticalRowsAndNoDuplicates_WhenTheSameWorkRunsTwice()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        var clinics = await JobTestClinics.SeedAsync(test, clinicCount: 2);
        await using var services = JobTestServices.Build(test, output.Path, new FakeFlagSource());
        var first = Assert.Single(await JobRunner.RunNowAsync(services, [JobNames.RefreshFlags], TestTimeout.Token));
        var rowsAfterFirst = await AllFlagsAsync(test);

        var second = Assert.Single(await JobRunner.RunNowAsync(services, [JobNames.RefreshFlags], TestTimeout.Token));

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(first.Work.Select(work => work.LastRun!.Period), second.Work.Select(work => work.LastRun!.Period));
        Assert.Equal(rowsAfterFirst, await AllFlagsAsync(test));
        Assert.Equal(clinics.Count * 3, rowsAfterFirst.Count);
        await using var connection = await test.Database.OpenAsync();
        Assert.Equal(clinics.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM patient_flag_sets"));
        Assert.Equal(clinics.Count * 2, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM job_runs WHERE status = 'succeeded'"));
        Assert.Equal(clinics.Count * 3, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outreach_items"));
    }

    private static async Task RunNow_StoresEachClinicsFlagsAndRecordsEveryRun(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
        using var output = new TemporaryFolder();
        var clinics = await JobTestClinics.SeedAsync(test, clinicCount: 3);
        await using var services = JobTestServices.Build(test, output.Path, new FakeFlagSource());

        var run = Assert.Single(await JobRunner.RunNowAsync(services, [JobNames.RefreshFlags], TestTimeout.Token));

        Assert.True(run.Succeeded, string.Join("\n", run.Work.Select(work => work.Failure)));
        Assert.Equal(clinics, run.Work.Select(work => work.LastRun!.ClinicId).Order());
        Assert.All(run.Work, work => Assert.Equal((JobRunStatus.Succeeded, 3, 1), (work.LastRun!.Status, work.LastRun.RowsWritten, work.LastRun.Attempt)));
        await using var connection = await test.Database.OpenAsync();
        Assert.Equal(9, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM patient_flags"));
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM job_runs"));
        // The outreach queue is refreshed from the stored flags: one open item per flagged patient.
        Assert.Equal(9, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outreach_items WHERE status = 'open'"));
    }

    private static async Task RunNow_RetriesAFailedClinicJob_AndKeepsExactlyOneSet(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
        using var output = new TemporaryFolder();
        var clinics = await JobTestClinics.SeedAsync(test, clinicCount: 2);
        var flags = new FakeFlagSource { FailFirstCallWith = () => new TimeoutException("The database did not answer in time.") };
        await using var services = JobTestServices.Build(test, output.Path, flags);

        var run = Assert.Single(await JobRunner.RunNowAsync(services, [JobNames.RefreshFlags], TestTimeout.Token));

        Assert.True(run.Succeeded, string.Join("\n", run.Work.Select(work => work.Failure)));
        Assert.All(run.Work, work => Assert.Equal(2, work.LastRun!.Attempt));
        Assert.All(clinics, clinic => Assert.Equal(2, flags.Calls[clinic]));
        await using var connection = await test.Database.OpenAsync();
        Assert.Equal(clinics.Count * 3, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM patient_flags"));
        Assert.Equal(clinics.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM patient_flag_sets"));
        Assert.Equal(clinics.Count * 3, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outreach_items"));
        var statuses = (await connection.QueryAsync<string>("SELECT status FROM job_runs ORDER BY attempt, clinic_id")).ToList();
        Assert.Equal([JobRunStatus.Failed, JobRunStatus.Failed, JobRunStatus.Succeeded, JobRunStatus.Succeeded], statuses);
    }

    private static async Task<List<StoredPatientFlag>> AllFlagsAsync(TestDatabase test)
    {
        var store = new PatientFlagStore(test.Database, TimeProvider.System);
        var flags = new List<StoredPatientFlag>();
        await using var connection = await test.Database.OpenAsync();
        foreach (var set in await connection.QueryAsync<(string ClinicId, string AsOf)>("SELECT clinic_id, CAST(as_of AS VARCHAR(10)) FROM patient_flag_sets ORDER BY clinic_id"))
        {
            flags.AddRange(await store.ReadSetAsync(set.ClinicId, DateOnly.ParseExact(set.AsOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None));
        }

        return flags;
    }
}
