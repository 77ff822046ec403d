using System.CommandLine;
using System.Text.Json;
using PhysicalTheraPT.Analytics.Benchmarks;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>
/// <c>ptanalytics bench-stage</c> (hidden): measures one benchmark stage in a process of its own and
/// prints the measurement as one JSON line, so each stage's peak memory is its own. <c>bench</c> runs it.
/// </summary>
internal static class BenchStageCommand
{
    public const string Name = "bench-stage";

    public static Command Create(IAnsiConsole console)
    {
        var stage = new Option<string>("--stage") { Description = "floor, flags, metrics, duckdb, nightly, nightly-incremental, workbook, outreach, import, sync, resync or source-read.", Required = true };
        var appointments = BenchArguments.Appointments();
        var runs = BenchArguments.Runs();
        var importDirectory = new Option<string>("--import-dir") { Description = "The seeded CSV files the import stage reads.", Required = true };
        var workDirectory = new Option<string>("--work-dir") { Description = "A folder for the files the stage writes.", Required = true };
        var command = new Command(Name, "Measure one benchmark stage (run by bench).") { stage, appointments, runs, importDirectory, workDirectory };
        command.Hidden = true;

        CommandAction.Set(command, console, async context =>
        {
            var name = context.Value(stage);
            var benchStage = BenchStageNames.Parse(name, "--stage");
            var settings = new BenchStageSettings(
                BenchArguments.Dataset(context.Value(appointments)),
                BenchArguments.CheckRuns(context.Value(runs)),
                context.Value(importDirectory)!,
                context.Value(workDirectory)!);

            var measurement = await context.Get<BenchStageRunner>().MeasureAsync(benchStage, settings, context.CancellationToken);

            // Straight to standard output, not through the console: the parent reads this one line.
            Console.Out.WriteLine(JsonSerializer.Serialize(measurement));
            return CommandAction.Success;
        });

        return command;
    }
}
