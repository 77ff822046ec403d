using PhysicalTheraPT.Analytics.Cli;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.Import;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

public sealed class ImportCommandTests
{
    [Fact]
    public async Task Import_PrintsSummaryAndExitsZero_WhenExportIsValid()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();

        var (exitCode, output) = await RunAsync(["import", "--from", export.Write(), .. test.CommandLineArguments]);

        Assert.Equal(0, exitCode);
        Assert.Contains("appointments.csv", output, StringComparison.Ordinal);
        Assert.Contains("5 row(s) new or changed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_PrintsErrorsAndExitsTwo_WhenARowIsBad()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();
        export.Patients.Set(0, "email", "ann-at-example.com");
        export.Appointments.Add(("appointment_id", "a2"), ("status", "done"));

        var (exitCode, output) = await RunAsync(["import", "--from", export.Write(), .. test.CommandLineArguments]);

        Assert.Equal(2, exitCode);
        Assert.Contains("appointments.csv:3, status is not one of booked, completed, cancelled, no_show", output, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ann-at-example.com", output, StringComparison.Ordinal);
        Assert.Equal(0, (await DatabaseSnapshot.TakeAsync(test.Database)).TotalRows);
    }

    [PostgresFact]
    public async Task Import_WritesRejectsAndExitsZero_WhenSkippingInvalid_OnPostgres()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Postgres);
        using var export = ClinicExport.Valid();
        export.Appointments.Add(("appointment_id", "a2"), ("status", "done"));
        var rejects = Path.Combine(export.Directory, "rejects.csv");

        var (exitCode, output) = await RunAsync(["import", "--from", export.Write(), "--skip-invalid", "--rejects", rejects, .. test.CommandLineArguments]);

        Assert.Equal(0, exitCode);
        Assert.Contains("1 row(s) rejected", output, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(rejects).Length);
        Assert.Equal(5, (await DatabaseSnapshot.TakeAsync(test.Database)).TotalRows);
    }

    [Fact]
    public async Task Import_ExitsTwo_WhenRejectsIsGivenWithoutSkipInvalid()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var export = ClinicExport.Valid();

        var (exitCode, output) = await RunAsync(["import", "--from", export.Write(), "--rejects", "r.csv", .. test.CommandLineArguments]);

        Assert.Equal(2, exitCode);
        Assert.Contains("--rejects only applies with --skip-invalid", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;
        var exitCode = await CliApplication.RunAsync(args, console);
        return (exitCode, output.ToString());
    }
}
