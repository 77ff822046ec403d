using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

public sealed class ClinicJobRunnerTests
{
    private static readonly JobWorkItem Work = new(JobNames.RefreshFlags, "c01", "2026-03-02");

    [Fact]
    public async Task RunAsync_RecordsASucceededRunWithRows_WhenTheJobWorks()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await JobTestClinics.SeedAsync(test, clinicCount: 1);
        var runs = new JobRunStore(test.Database, TimeProvider.System);
        var runner = Runner(test, runs, new FakeFlagSource());

        var outcome = await runner.RunAsync(Work, new JobRunContext("42", 1, "server-a"), CancellationToken.None);

        var run = Assert.Single(await runs.ListRecentAsync(10, CancellationToken.None));
        Assert.Equal((JobRunStatus.Succeeded, 3, "42", "server-a", "c01", "2026-03-02"), (run.Status, run.RowsWritten, run.SchedulerJobId, run.Server, run.ClinicId, run.Period));
        Assert.Equal(outcome.Summary, run.Message);
        Assert.NotNull(run.FinishedAt);
    }

    [Fact]
    public async Task RunAsync_FailsAsPermanentAndRecordsWhatToDo_WhenTheJobCannotWork()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await JobTestClinics.SeedAsync(test, clinicCount: 1);
        var runs = new JobRunStore(test.Database, TimeProvider.System);
        var runner = Runner(test, runs, new FakeFlagSource { FailFirstCallWith = () => new UserInputException("Unknown time zone 'Mars/Olympus'.") });

        var error = await Assert.ThrowsAsync<PermanentJobFailureException>(() => runner.RunAsync(Work, JobRunContext.Direct, CancellationToken.None));

        var run = Assert.Single(await runs.ListRecentAsync(10, CancellationToken.None));
        Assert.Equal(JobRunStatus.Failed, run.Status);
        Assert.Equal(error.Message, run.Message);
        Assert.Contains("Mars/Olympus", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RecordsCancelled_WhenTheServerShutsDown()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await JobTestClinics.SeedAsync(test, clinicCount: 1);
        var runs = new JobRunStore(test.Database, TimeProvider.System);
        var flags = new FakeFlagSource { Gate = new TaskCompletionSource() };
        var runner = Runner(test, runs, flags);
        using var shutdown = new CancellationTokenSource();

        var running = runner.RunAsync(Work, JobRunContext.Direct, shutdown.Token);
        await flags.FirstCallStarted.Task;
        await shutdown.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal(JobRunStatus.Cancelled, Assert.Single(await runs.ListRecentAsync(10, CancellationToken.None)).Status);
    }

    private static ClinicJobRunner Runner(TestDatabase test, JobRunStore runs, IClinicFlagSource flags) =>
        new([new RefreshFlagsJob(flags, new PatientFlagStore(test.Database, TimeProvider.System), new OutreachQueue(test.Database, Options.Create(new OutreachOptions())), test.Database, new FlagRefreshStateStore(test.Database, Options.Create(new RetentionOptions())))], runs, NullLogger<ClinicJobRunner>.Instance);
}
