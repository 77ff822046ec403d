using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli;

/// <summary>Output to a file or a pipe is not wrapped at 80 columns, so paths in it can be copied and grepped.</summary>
public sealed class ConsoleWidthTests
{
    [Fact]
    public async Task DbMigrate_PrintsALongPathUnbroken_WhenOutputIsRedirected()
    {
        // Arrange: a path well past 80 columns, in a child process whose output is a pipe.
        using var folder = new TemporaryFolder();
        var deep = Path.Combine(folder.Path, "a-folder-name-long-enough", "to-push-the-database-path", "well-past-eighty-columns");
        Directory.CreateDirectory(deep);
        var database = Path.Combine(deep, "clinic.db");
        var environment = new Dictionary<string, string> { ["COLUMNS"] = "" };
        using var migrate = CliProcess.Start(["db", "migrate", "--db", database], environment);

        // Act
        var exitCode = await migrate.WaitForExitAsync(TestTimeout.Token);

        // Assert
        Assert.Equal(0, exitCode);
        Assert.True(database.Length > 100, "the path must be longer than a terminal line");
        Assert.Contains($"sqlite {database}:", migrate.Output, StringComparison.Ordinal);
    }
}
