using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PhysicalTheraPT.Analytics.Demo;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Demo;

public sealed class DemoRunTests
{
    [Fact]
    public async Task Run_RunsStepsInOrderAndCollectsWhatTheyMade()
    {
        var ran = new List<string>();
        var run = new DemoRun([new RecordingStep("first", ran), new RecordingStep("second", ran)], new FakeTimeProvider(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero)));
        var started = new List<int>();

        var outputs = await run.RunAsync(null, started.Add, default);

        Assert.Equal(["first", "second"], ran);
        Assert.Equal([0, 1], started);
        Assert.Equal([new DemoOutput("first", "2026-03-15"), new DemoOutput("second", "2026-03-15")], outputs);
    }

    [Fact]
    public async Task Run_ReportsEachStepFinished()
    {
        var run = new DemoRun([new RecordingStep("only", [])], new FakeTimeProvider());
        var reports = new List<DemoProgress>();

        await run.RunAsync(new SynchronousProgress<DemoProgress>(reports.Add), null, default);

        Assert.Equal([new DemoProgress(0, 1, 2), new DemoProgress(0, 1, 1)], reports);
    }

    [Fact]
    public void Steps_PrepareSeedCountFlagReportListThenRunTheJobs_WhenRegisteredByAddAnalytics()
    {
        using var folder = new TemporaryFolder();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Database:Path", folder.File("demo.db"))])
            .Build();
        using var services = new ServiceCollection().AddAnalytics(configuration).BuildServiceProvider();

        var steps = services.GetRequiredService<DemoRun>().Steps.Select(step => step.GetType().Name);

        Assert.Equal(["PrepareDatabaseStep", "SeedHistoryStep", "PlayFrontDeskWeeksStep", "CountRowsStep", "FlagPatientsStep", "RunScheduledJobsStep"], steps);
    }
}
