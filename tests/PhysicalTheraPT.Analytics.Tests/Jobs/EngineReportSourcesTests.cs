using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.Reports;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

/// <summary>The jobs' report sources as AddAnalytics registers them: what a job writes equals what the command writes.</summary>
public sealed class EngineReportSourcesTests(SeededSqliteHistory history) : IClassFixture<SeededSqliteHistory>
{
    [Fact]
    public async Task MonthlyReportSource_BuildsTheWorkbookTheReportCommandWrites()
    {
        using var fromJob = new TemporaryFolder();
        using var fromCommand = new TemporaryFolder();
        await using var services = Services();

        var report = await services.GetRequiredService<IMonthlyReportSource>().BuildAsync("C02", new CalendarMonth(2026, 3), new DateOnly(2026, 4, 1), default);
        var written = services.GetRequiredService<MonthlyWorkbookWriter>().Write(report, fromJob.Path);
        var command = await CliRunner.RunAsync([.. history.CommandLineArguments, "report", "monthly", "--month", "2026-03", "--clinic", "C02", "--out", fromCommand.Path]);

        Assert.Equal(0, command.ExitCode);
        using var expected = OpenXmlWorkbook.Open(fromCommand.File("retention-2026-03-C02.xlsx"));
        using var actual = OpenXmlWorkbook.Open(written.WorkbookPath);
        Assert.NotEmpty(report.PatientsToCall);
        Assert.Equal(expected.AllCells(), actual.AllCells());
    }

    [Fact]
    public async Task OutreachListSource_BuildsTheListTheOutreachCommandWrites()
    {
        using var fromJob = new TemporaryFolder();
        using var fromCommand = new TemporaryFolder();
        await using var services = Services();

        var list = (await services.GetRequiredService<IOutreachListSource>().BuildAsync("C01", SeededHistory.Until, default)).List;
        var written = services.GetRequiredService<OutreachListWriter>().Write(list, fromJob.Path);
        var command = await CliRunner.RunAsync([.. history.CommandLineArguments, "outreach", "lists", "--as-of", "2026-04-10", "--clinic", "C01", "--out", fromCommand.Path]);

        Assert.Equal(0, command.ExitCode);
        using var expected = OpenXmlWorkbook.Open(fromCommand.File("outreach-C01-2026-04-10.xlsx"));
        using var actual = OpenXmlWorkbook.Open(written.Path);
        Assert.NotEmpty(list.Rows);
        Assert.Equal(expected.AllCells(), actual.AllCells());
    }

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Database:Path", history.Test.SqlitePath)])
            .Build();
        return new ServiceCollection().AddLogging().AddAnalytics(configuration).BuildServiceProvider();
    }
}
