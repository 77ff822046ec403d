using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli;

public sealed class DatabaseArgumentsTests
{
    [Fact]
    public async Task DbMigrate_UsesTheFile_WhenDbComesWithProviderSqlite()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("clinic.db");

        // The build's targets always pass --provider; with --db beside it the two must agree, not collide.
        var (exitCode, output) = await CliRunner.RunAsync("db", "migrate", "--db", path, "--provider", "sqlite");

        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task DbMigrate_RefusesWithExitCode2_WhenDbAndConnectionBothNameADatabase()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("clinic.db");

        var (exitCode, output) = await CliRunner.RunAsync("db", "migrate", "--db", path, "--connection", "Data Source=" + folder.File("other.db"));

        Assert.Equal(2, exitCode);
        Assert.Contains("--db and --connection both name a database", output, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
