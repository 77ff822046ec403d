using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

public sealed class OutreachListsJobTests
{
    private static readonly JobWorkItem Work = new(JobNames.OutreachLists, "c01", "2026-12-03");

    [Fact]
    public async Task RunAsync_SaysTheFlagsWereComputed_WhenNoneWereStoredForTheDate()
    {
        using var folder = new TemporaryFolder();
        var job = Job(new FakeReportSources { FlagsComputed = true }, folder.Path);

        var outcome = await job.RunAsync(Work, CancellationToken.None);

        Assert.EndsWith(" (flags computed: none stored for 2026-12-03).", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SaysNothingOfTheFlags_WhenTheStoredSetWasUsed()
    {
        using var folder = new TemporaryFolder();
        var job = Job(new FakeReportSources { FlagsComputed = false }, folder.Path);

        var outcome = await job.RunAsync(Work, CancellationToken.None);

        Assert.DoesNotContain("flags computed", outcome.Summary, StringComparison.Ordinal);
        Assert.Single(outcome.FilesWritten);
    }

    private static OutreachListsJob Job(FakeReportSources lists, string outputDirectory) =>
        new(lists, new OutreachListWriter(new ListSigningKeyStore(ListSigningKey.CreateNew())), Options.Create(new SchedulingOptions { OutputDirectory = outputDirectory }));
}
