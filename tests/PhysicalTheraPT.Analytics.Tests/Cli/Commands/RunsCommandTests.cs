using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Tests.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

public sealed class RunsCommandTests
{
    [Fact]
    public async Task Runs_ListsTheLatestRunsNewestFirst_WithStatusRowsAndMessage()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await JobTestClinics.SeedAsync(test, clinicCount: 3);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        var store = new JobRunStore(test.Database, time);
        foreach (var clinic in new[] { "c01", "c02", "c03" })
        {
            var runId = await store.StartAsync(new JobWorkItem(JobNames.RefreshFlags, clinic, "2026-03-01"), JobRunContext.Direct, CancellationToken.None);
            time.Advance(TimeSpan.FromMinutes(1));
            await store.FinishAsync(runId, clinic == "c02" ? JobRunStatus.Failed : JobRunStatus.Succeeded, new JobOutcome([], 4, $"done {clinic}"), message: null);
        }

        var (exitCode, output) = await CliRunner.RunAsync("runs", "--last", "2", "--db", test.SqlitePath!);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("c01", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("c03", StringComparison.Ordinal) < output.IndexOf("c02", StringComparison.Ordinal), output);
        Assert.Contains("failed", output, StringComparison.Ordinal);
        Assert.Contains("done c03", output, StringComparison.Ordinal);
        Assert.Contains("02:01:00", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_RefusesANonPositiveCount()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);

        var (exitCode, output) = await CliRunner.RunAsync("runs", "--last", "0", "--db", test.SqlitePath!);

        Assert.Equal(2, exitCode);
        Assert.Contains("--last 0", output, StringComparison.Ordinal);
    }
}
