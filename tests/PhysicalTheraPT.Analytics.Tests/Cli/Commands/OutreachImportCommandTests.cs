using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.Outreach;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

public sealed class OutreachImportCommandTests
{
    // The command judges outcome dates by the real clock: these lists are safely in the past.
    private static readonly DateOnly ListDate = new(2025, 1, 6);

    [Fact]
    public async Task Import_SaysWhatItRecorded_AndExitsZero_WhenEveryFileIsFine()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var list = await scenario.WriteListAsync(ListDate, "P1", "P2", "P3");
        OutreachScenario.Fill(list, "P1", "booked", ListDate.AddDays(1));
        OutreachScenario.Fill(list, "P2", "wrong_number", ListDate.AddDays(1));

        var (exitCode, output) = await CliRunner.RunAsync([.. scenario.Test.CommandLineArguments, "outreach", "import", list]);

        Assert.Equal(0, exitCode);
        Assert.Contains($"Imported {list} (clinic C01, list of 2025-01-06): 2 outcome(s) recorded (1 booked, 1 wrong_number), 0 already recorded, 1 row(s) left blank.", output, StringComparison.Ordinal);
        Assert.Contains("Wrong phone number or email for patient(s) P2", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Patient P2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NamesFileSheetRowAndReason_AndExitsTwo_WhenAFileIsRejected()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var list = await scenario.WriteListAsync(ListDate, "P1");
        OutreachScenario.Fill(list, "P1", "call back", ListDate.AddDays(1));
        var notAList = Path.Combine(scenario.Folder, "notes.xlsx");
        await File.WriteAllTextAsync(notAList, "not a workbook");

        var (exitCode, output) = await CliRunner.RunAsync([.. scenario.Test.CommandLineArguments, "outreach", "import", list, notAList]);

        Assert.Equal(2, exitCode);
        Assert.Contains($"Rejected {list}: nothing from it was recorded.", output, StringComparison.Ordinal);
        Assert.Contains($"  - {list}, sheet 'Patients to call', row 4: unknown outcome 'call back'.", output, StringComparison.Ordinal);
        Assert.Contains($"  - {notAList}: this is not an Excel workbook (.xlsx)", output, StringComparison.Ordinal);
        Assert.Contains("0 of 2 file(s) imported, 0 outcome(s) recorded, 2 file(s) rejected.", output, StringComparison.Ordinal);
        Assert.Equal(0, await scenario.CountAsync("SELECT COUNT(*) FROM outreach_outcomes"));
    }

    [Fact]
    public async Task Import_ReadsEveryListInAFolder_WhenGivenAFolder()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var first = await scenario.WriteListAsync(ListDate, "P1");
        var second = scenario.WriteList("C02", ListDate, ["Q1"]);
        OutreachScenario.Fill(first, "P1", "declined", ListDate.AddDays(2));
        OutreachScenario.Fill(second, "Q1", "booked", ListDate.AddDays(2));
        var folder = Path.Combine(scenario.Folder, "worked");
        Directory.CreateDirectory(folder);
        File.Copy(first, Path.Combine(folder, Path.GetFileName(first)));
        File.Copy(second, Path.Combine(folder, Path.GetFileName(second)));
        await File.WriteAllTextAsync(Path.Combine(folder, "~$outreach-C01-2025-01-06.xlsx"), "Excel lock file");

        var (exitCode, output) = await CliRunner.RunAsync([.. scenario.Test.CommandLineArguments, "outreach", "import", folder]);

        Assert.Equal(0, exitCode);
        Assert.Contains("2 of 2 file(s) imported, 2 outcome(s) recorded, 0 file(s) rejected.", output, StringComparison.Ordinal);
    }
}
