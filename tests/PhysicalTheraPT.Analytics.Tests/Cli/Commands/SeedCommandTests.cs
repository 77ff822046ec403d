using System.Globalization;
using PhysicalTheraPT.Analytics.Cli;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

public sealed class SeedCommandTests
{
    [Fact]
    public async Task Seed_WritesTheHistoryAndPrintsCounts_WhenDatabaseIsGiven()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        var console = new CapturedConsole();

        var exit = await CliApplication.RunAsync(["seed", "--clinics", "2", "--patients", "120", "--months", "6", "--until", "2026-03-15", .. test.CommandLineArguments], console.Console);

        Assert.Equal(0, exit);
        var counts = await ClinicDataCounter.CountAsync(test.Database, default);
        Assert.Equal(2, counts.Clinics);
        Assert.Equal(120, counts.Patients);
        var appointments = counts.Appointments.ToString("N0", CultureInfo.InvariantCulture);
        Assert.Matches($"│ appointments │ {appointments} │ +{appointments} │ +0 │", console.Output);
        Assert.Contains("up to 2026-03-15", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_WritesCsvFilesInsteadOfTheDatabase_WhenCsvIsGiven()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        var directory = Path.Combine(Path.GetTempPath(), "pta-tests", Guid.NewGuid().ToString("N"));
        var console = new CapturedConsole();

        try
        {
            var exit = await CliApplication.RunAsync(["seed", "--patients", "50", "--months", "3", "--csv", directory, .. test.CommandLineArguments], console.Console);

            Assert.Equal(0, exit);
            Assert.Equal(51, File.ReadLines(Path.Combine(directory, "patients.csv")).Count());
            Assert.Equal(0, (await ClinicDataCounter.CountAsync(test.Database, default)).Patients);
            Assert.Contains(directory, console.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("--until", "15/03/2026", "--until '15/03/2026' is not a date")]
    [InlineData("--clinics", "0", "--clinics 0 is out of range")]
    [InlineData("--months", "0", "--months 0 is out of range")]
    [InlineData("--patients", "0", "--patients 0 is out of range")]
    public async Task Seed_ExplainsTheProblemAndExitsWithTwo_WhenAnOptionIsOutOfRange(string option, string value, string message)
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        var console = new CapturedConsole();

        var exit = await CliApplication.RunAsync(["seed", option, value, .. test.CommandLineArguments], console.Console);

        Assert.Equal(2, exit);
        Assert.Contains(message, console.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await ClinicDataCounter.CountAsync(test.Database, default)).Patients);
    }

    [Fact]
    public async Task Seed_ExplainsTheProblemAndExitsWithTwo_WhenCsvFolderCannotBeCreated()
    {
        var file = Path.GetTempFileName();
        var console = new CapturedConsole();

        try
        {
            var exit = await CliApplication.RunAsync(["seed", "--patients", "10", "--csv", Path.Combine(file, "csv")], console.Console);

            Assert.Equal(2, exit);
            Assert.Contains("Cannot write the CSV files to", console.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
