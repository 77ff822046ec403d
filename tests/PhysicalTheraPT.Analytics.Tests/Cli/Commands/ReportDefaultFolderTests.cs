using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ReportDefaultFolderTests
{
    [Fact]
    public async Task ReportMonthlyAndOutreachLists_WriteToTheReportsFolderOfTheDataFolder_WhenOutIsNotGiven()
    {
        using var home = new TemporaryHome();
        await using var test = await RetentionCommandData.CreateDatabaseAsync();

        var report = await CliRunner.RunAsync([.. test.CommandLineArguments, "report", "monthly", "--month", "2026-02"]);
        var outreach = await CliRunner.RunAsync([.. test.CommandLineArguments, "outreach", "lists", "--as-of", "2026-03-02"]);

        Assert.Equal((0, 0), (report.ExitCode, outreach.ExitCode));
        var reports = Path.Combine(home.Path, "reports");
        Assert.True(File.Exists(Path.Combine(reports, "retention-2026-02.xlsx")));
        Assert.Equal(
            ["outreach-c1-2026-03-02.xlsx", "outreach-c2-2026-03-02.xlsx", "outreach-c3-2026-03-02.xlsx"],
            Directory.GetFiles(reports, "outreach-*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains(Path.Combine(reports, "outreach-c1-2026-03-02.xlsx") + ": 2 patient(s) to call as of 2026-03-02", outreach.Output, StringComparison.Ordinal);
    }
}
