using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli;

/// <summary>Settings a user got wrong end every command with one line and exit code 2, never a stack trace.</summary>
public sealed class ConfigurationErrorTests
{
    [Fact]
    public async Task Runs_ExitsTwoNamingTheFileAndLine_WhenPtanalyticsJsonIsNotJson()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        await File.WriteAllTextAsync(folder.File("ptanalytics.json"), "{\n  \"Scheduling\": {\n    \"LockTimeout\": \"00:01:00\"\n  }\n  \"Reports\": {}\n}\n");
        using var cli = CliProcess.Start(["runs"], new Dictionary<string, string> { ["PTA_HOME"] = folder.Path }, workingDirectory: folder.Path);

        // Act
        var exitCode = await cli.WaitForExitAsync(TestTimeout.Token);

        // Assert
        Assert.Equal(2, exitCode);
        Assert.Contains("ptanalytics.json: not valid JSON at line 5, position 3.", cli.Output, StringComparison.Ordinal);
        AssertNoStackTrace(cli.Output);
    }

    [Fact]
    public async Task ServeOnce_ExitsTwoNamingTheKeyAndRecordsTheRefusal_WhenLockTimeoutIsNotADuration()
    {
        // Arrange
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var cli = CliProcess.Start(
            ["serve", "--once", "refresh-flags", "--db", test.SqlitePath!],
            new Dictionary<string, string> { ["PTA_Scheduling__LockTimeout"] = "abc" });

        // Act
        var exitCode = await cli.WaitForExitAsync(TestTimeout.Token);
        var runs = await new JobRunStore(test.Database, TimeProvider.System).ListRecentAsync(5, CancellationToken.None);

        // Assert
        Assert.Equal(2, exitCode);
        Assert.Contains("Setting Scheduling:LockTimeout is not a duration", cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", cli.Output, StringComparison.Ordinal);
        AssertNoStackTrace(cli.Output);
        var run = Assert.Single(runs);
        Assert.Equal((JobNames.RefreshFlags, JobRunStatus.Failed), (run.Job, run.Status));
        Assert.StartsWith("Not started: Setting Scheduling:LockTimeout", run.Message, StringComparison.Ordinal);
    }

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
