using Dapper;
using Hangfire.States;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Scheduling;
using PhysicalTheraPT.Analytics.Tests.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Scheduling;

/// <summary>The jobs through a real Hangfire server, on the storage that follows the database.</summary>
public sealed class ScheduledJobsTests
{
    [Fact]
    public Task RunNow_StoresEachClinicsFlagsInOneAllClinicsRun_OnSqlite() => RunNow_StoresEachClinicsFlagsInOneAllClinicsRun(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task RunNow_StoresEachClinicsFlagsInOneAllClinicsRun_OnPostgres() => RunNow_StoresEachClinicsFlagsInOneAllClinicsRun(DatabaseProvider.Postgres);

    [Fact]
    public Task RunNow_RetriesAFailedRefresh_AndKeepsExactlyOneSetPerClinicOnSqlite() => RunNow_RetriesAFailedRefresh_AndKeepsExactlyOneSetPerClinic(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task RunNow_RetriesAFailedRefresh_AndKeepsExactlyOneSetPerClinicOnPostgres() => RunNow_RetriesAFailedRefresh_AndKeepsExactlyOneSetPerClinic(DatabaseProvider.Postgres);

    [Fact]
    public async Task RunNow_FailsAtOnceWithWhatToDo_WhenTheFailureIsPermanent()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        var clinics = await JobTestClinics.SeedAsync(test, clinicCount: 2);
        var flags = new FakeFlagSource { Clinics = clinics, FailFirstCallWith = () => new UserInputException("Unknown time zone 'Mars/Olympus' in Scheduling:ClinicTimeZones.") };
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
        Assert.Equal(1, flags.Calls[FakeFlagSource.AllClinics]);
        await using var connection = await test.Database.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM job_runs WHERE status = 'failed'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM patient_flags"));
    }

    [Fact]
    public async Task RunNow_FailsAtOnceAndSaysToMigrate_WhenATableIsMissing()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        var clinics = await JobTestClinics.SeedAsync(test, clinicCount: 1);
        await using (var connection = await test.Database.OpenAsync())
        {
            await connection.ExecuteAsync("DROP TABLE patient_flags");
        }

        var flags = new FakeFlagSource { Clinics = clinics };
        await using var services = JobTestServices.Build(test, output.Path, flags);

        var work = Assert.Single(Assert.Single(await JobRunner.RunNowAsync(services, [JobNames.RefreshFlags], TestTimeout.Token)).Work);

        Assert.Equal(FailedState.StateName, work.State);
        Assert.Contains("no such table: patient_flags", work.Failure, StringComparison.Ordinal);
        Assert.Contains("ptanalytics db migrate", work.Failure, StringComparison.Ordinal);
        Assert.Equal(1, work.LastRun!.Attempt);
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
        await using var services = JobTestServices.Build(test, output.Path, new FakeFlagSource { Clinics = clinics });
        var first = Assert.Single(await JobRunner.RunNowAsync(services, [JobNames.RefreshFlags], TestTimeout.Token));
        var rowsAfterFirst = await AllFlagsAsync(test);

        var second = Assert.Single(await JobRunner.RunNowAsync(services, [JobNames.RefreshFlags], TestTimeout.Token));

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(first.Work.Select(work => work.LastRun!.Period), second.Work.Select(work => work.LastRun!.Period));
        Assert.Equal(rowsAfterFirst, await AllFlagsAsync(test));
        Assert.Equal(clinics.Count * 3, rowsAfterFirst.Count);
        await using var connection = await test.Database.OpenAsync();
        Assert.Equal(clinics.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM patient_flag_sets"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM job_runs WHERE status = 'succeeded'"));
        Assert.Equal(clinics.Count * 3, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outreach_items"));
    }

    private static async Task RunNow_StoresEachClinicsFlagsInOneAllClinicsRun(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
        using var output = new TemporaryFolder();
        var clinics = await JobTestClinics.SeedAsync(test, clinicCount: 3);
        var flags = new FakeFlagSource { Clinics = clinics };
        await using var services = JobTestServices.Build(test, output.Path, flags);

        var run = Assert.Single(await JobRunner.RunNowAsync(services, [JobNames.RefreshFlags], TestTimeout.Token));

        Assert.True(run.Succeeded, string.Join("\n", run.Work.Select(work => work.Failure)));
        var work = Assert.Single(run.Work);
        Assert.Equal((null, JobRunStatus.Succeeded, 9, 1), (work.LastRun!.ClinicId, work.LastRun.Status, work.LastRun.RowsWritten, work.LastRun.Attempt));
        Assert.Equal(1, flags.TotalCalls);
        await using var connection = await test.Database.OpenAsync();
        Assert.Equal(9, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM patient_flags"));
        Assert.Equal(clinics, await connection.QueryAsync<string>("SELECT clinic_id FROM patient_flag_sets WHERE flagged_count = 3 ORDER BY clinic_id"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM job_runs"));
        // The outreach queue is refreshed from the stored flags: one open item per flagged patient.
        Assert.Equal(9, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outreach_items WHERE status = 'open'"));
    }

    private static async Task RunNow_RetriesAFailedRefresh_AndKeepsExactlyOneSetPerClinic(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
        using var output = new TemporaryFolder();
        var clinics = await JobTestClinics.SeedAsync(test, clinicCount: 2);
        var flags = new FakeFlagSource { Clinics = clinics, FailFirstCallWith = () => new TimeoutException("The database did not answer in time.") };
        await using var services = JobTestServices.Build(test, output.Path, flags);

        var run = Assert.Single(await JobRunner.RunNowAsync(services, [JobNames.RefreshFlags], TestTimeout.Token));

        Assert.True(run.Succeeded, string.Join("\n", run.Work.Select(work => work.Failure)));
        Assert.Equal(2, Assert.Single(run.Work).LastRun!.Attempt);
        Assert.Equal(2, flags.Calls[FakeFlagSource.AllClinics]);
        await using var connection = await test.Database.OpenAsync();
        Assert.Equal(clinics.Count * 3, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM patient_flags"));
        Assert.Equal(clinics.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM patient_flag_sets"));
        Assert.Equal(clinics.Count * 3, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outreach_items"));
        var statuses = (await connection.QueryAsync<string>("SELECT status FROM job_runs ORDER BY attempt")).ToList();
        Assert.Equal([JobRunStatus.Failed, JobRunStatus.Succeeded], statuses);
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
