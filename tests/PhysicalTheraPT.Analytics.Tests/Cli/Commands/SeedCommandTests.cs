using System.Globalization;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

public sealed class SeedCommandTests
{
    [Fact]
    public async Task Seed_WritesTheHistoryAndPrintsCounts_WhenDatabaseIsGiven()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);

        var (exit, output) = await CliRunner.RunAsync(["seed", "--clinics", "2", "--patients", "120", "--months", "6", "--until", "2026-03-15", .. test.CommandLineArguments]);

        Assert.Equal(0, exit);
        var counts = await ClinicDataCounter.CountAsync(test.Database, default);
        Assert.Equal(2, counts.Clinics);
        Assert.Equal(120, counts.Patients);
        var appointments = counts.Appointments.ToString("N0", CultureInfo.InvariantCulture);
        Assert.Matches($"│ appointments │ {appointments} │ +{appointments} │ +0 │", output);
        Assert.Contains("up to 2026-03-15", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_WritesCsvFilesInsteadOfTheDatabase_WhenCsvIsGiven()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var folder = new TemporaryFolder();
        var directory = folder.File("csv");

        var (exit, output) = await CliRunner.RunAsync(["seed", "--patients", "50", "--months", "3", "--csv", directory, .. test.CommandLineArguments]);

        Assert.Equal(0, exit);
        Assert.Equal(51, File.ReadLines(Path.Combine(directory, "patients.csv")).Count());
        Assert.Equal(0, (await ClinicDataCounter.CountAsync(test.Database, default)).Patients);
        Assert.Contains(directory, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--until", "15/03/2026", "--until '15/03/2026' is not a date")]
    [InlineData("--clinics", "0", "--clinics 0 is out of range")]
    [InlineData("--months", "0", "--months 0 is out of range")]
    [InlineData("--patients", "0", "--patients 0 is out of range")]
    public async Task Seed_ExplainsTheProblemAndExitsWithTwo_WhenAnOptionIsOutOfRange(string option, string value, string message)
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);

        var (exit, output) = await CliRunner.RunAsync(["seed", option, value, .. test.CommandLineArguments]);

        Assert.Equal(2, exit);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Equal(0, (await ClinicDataCounter.CountAsync(test.Database, default)).Patients);
    }

    [Fact]
    public async Task Seed_ExplainsTheProblemAndExitsWithTwo_WhenCsvFolderCannotBeCreated()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("a-file");
        await File.WriteAllTextAsync(file, "not a folder");

        var (exit, output) = await CliRunner.RunAsync(["seed", "--patients", "10", "--csv", Path.Combine(file, "csv")]);

        Assert.Equal(2, exit);
        Assert.Contains("Cannot write the CSV files to", output, StringComparison.Ordinal);
    }
}
