using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Demo;
using PhysicalTheraPT.Analytics.Tests.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Demo;

public sealed class RunScheduledJobsStepTests
{
    [Fact]
    public async Task RunAsync_RunsEveryJobOnHangfire_AndListsTheWorkbooks()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        var clinics = await JobTestClinics.SeedAsync(test, clinicCount: 2);
        await using var services = JobTestServices.Build(test, output.Path, new FakeFlagSource { Clinics = clinics }, reports: new FakeReportSources());
        var context = new DemoContext(new DateOnly(2026, 3, 2), output.Path, progress: null);

        await new RunScheduledJobsStep(services).RunAsync(context, TestTimeout.Token);

        var made = context.Outputs.ToDictionary(line => line.What, line => line.Value);
        Assert.Contains("conversion-trend.png", made["retention-report all clinics charts"], StringComparison.Ordinal);
        // The clinics share a date, so refresh-flags is one pass for both.
        Assert.Equal("1 of 1 job(s) succeeded, 6 row(s)", made["refresh-flags"]);
        Assert.StartsWith("2 of 2 job(s) succeeded", made["outreach-lists"], StringComparison.Ordinal);
        Assert.StartsWith("3 of 3 job(s) succeeded", made["retention-report"], StringComparison.Ordinal);
        Assert.True(File.Exists(made["outreach-lists c01"]));
        Assert.True(File.Exists(made["retention-report all clinics"]));
    }

    [Fact]
    public async Task RunAsync_ListsWhatWentWrong_WhenAJobFails()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        var clinics = await JobTestClinics.SeedAsync(test, clinicCount: 1);
        var flags = new FakeFlagSource { Clinics = clinics, FailFirstCallWith = () => new UserInputException("Retention:GraceDays must be positive.") };
        await using var services = JobTestServices.Build(test, output.Path, flags, reports: new FakeReportSources());
        var context = new DemoContext(new DateOnly(2026, 3, 2), output.Path, progress: null);

        await new RunScheduledJobsStep(services).RunAsync(context, TestTimeout.Token);

        var refresh = context.Outputs.Single(line => line.What == "refresh-flags").Value;
        Assert.StartsWith("0 of 1 job(s) succeeded; ", refresh, StringComparison.Ordinal);
        Assert.Contains("Retention:GraceDays must be positive.", refresh, StringComparison.Ordinal);
    }
}
