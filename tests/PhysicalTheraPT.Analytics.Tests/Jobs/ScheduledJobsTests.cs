using Dapper;
using PhysicalTheraPT.Analytics.Cli.Scheduling;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

/// <summary>The jobs through a real Hangfire server on the storage that follows the database.</summary>
public sealed class ScheduledJobsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public Task RunNow_StoresEachClinicsFlagsAndRecordsEveryRun_OnSqlite(DatabaseProvider provider) => RunNow_StoresEachClinicsFlagsAndRecordsEveryRun(provider);

    [PostgresTheory]
    [InlineData(DatabaseProvider.Postgres)]
    public Task RunNow_StoresEachClinicsFlagsAndRecordsEveryRun_OnPostgres(DatabaseProvider provider) => RunNow_StoresEachClinicsFlagsAndRecordsEveryRun(provider);

    private static async Task RunNow_StoresEachClinicsFlagsAndRecordsEveryRun(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
        using var output = new JobTestDirectory();
        var clinics = await JobTestClinics.SeedAsync(test, clinicCount: 3);
        await using var services = JobTestServices.Build(test, output.Path, new FakeFlagSource());

        var runs = await JobRunner.RunNowAsync(services, [JobNames.RefreshFlags], TestTimeout.Token);

        var run = Assert.Single(runs);
        Assert.True(run.Succeeded, string.Join("\n", run.Work.Select(work => work.Failure)));
        Assert.Equal(clinics, run.Work.Select(work => work.LastRun!.ClinicId).Order());
        Assert.All(run.Work, work => Assert.Equal(3, work.LastRun!.RowsWritten));
        await using var connection = await test.Database.OpenAsync();
        Assert.Equal(9, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM patient_flags"));
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM job_runs WHERE status = 'succeeded'"));
    }
}
