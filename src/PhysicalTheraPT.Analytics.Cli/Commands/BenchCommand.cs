using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PhysicalTheraPT.Analytics.Benchmarks;
using PhysicalTheraPT.Analytics.Data;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>
/// <c>ptanalytics bench</c>: seeds a deterministic history of about N appointments when the database does
/// not hold it yet, then measures every stage in a process of its own (median of the timed runs after a
/// warm-up, peak memory) and prints and writes the table.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var appointments = BenchArguments.Appointments();
        var runs = BenchArguments.Runs();
        var output = new Option<string?>("--output")
        {
            Description = "A folder for bench-<provider>-<N>.csv and .json, or a .csv/.json file name (the other is written beside it). Default: the data folder's bench/.",
        };
        var command = new Command("bench", "Benchmark flags, metrics, workbooks and import against the floor of reading the data, on a seeded history.")
        {
            appointments, runs, output,
        };

        CommandAction.Set(command, console, async context =>
        {
            var dataset = BenchArguments.Dataset(context.Value(appointments));
            _ = dataset.History;
            var timedRuns = BenchArguments.CheckRuns(context.Value(runs));
            var databaseArguments = DatabaseArgumentsFor(context, dataset);
            var (csvPath, jsonPath) = OutputPaths(context.Value(output), context, dataset);

            // The benchmark's own database (on SQLite a file of its own unless --db names one), so seeding it
            // never touches the clinic data.
            var configuration = new ConfigurationBuilder()
                .AddConfiguration(context.Configuration)
                .AddInMemoryCollection(DatabaseArgumentsAsConfiguration(databaseArguments))
                .Build();
            await using var services = CommandAction.BuildServices(configuration);
            var database = services.GetRequiredService<AnalyticsDatabase>();
            var preparer = services.GetRequiredService<BenchDataPreparer>();
            context.Console.MarkupLineInterpolated($"Benchmark database: {database.Description}");

            if (await preparer.HoldsHistoryAsync(dataset, context.CancellationToken))
            {
                context.Console.WriteLine("The seeded history is there already: not seeding again.");
            }
            else
            {
                await SeedProgressDisplay.RunAsync(context.Console, "Seeding the benchmark history", progress => preparer.SeedAsync(dataset, progress, context.CancellationToken));
            }

            await preparer.SettleAsync(context.CancellationToken);
            var importDirectory = BenchDataPreparer.ImportFilesDirectory(dataset, Path.Combine(AnalyticsPaths.DataDirectory, "bench-import"));
            if (!BenchDataPreparer.HasImportFiles(importDirectory))
            {
                await SeedProgressDisplay.RunAsync(context.Console, "Writing the import stage's CSV files", progress => BenchDataPreparer.WriteImportFilesAsync(dataset, importDirectory, progress, context.CancellationToken));
            }

            var measurements = new List<BenchStageMeasurement>();
            foreach (var stage in Enum.GetValues<BenchStage>())
            {
                context.Console.MarkupLineInterpolated($"Measuring [bold]{stage.ToName()}[/] (warm-up runs until the JIT has settled, then {timedRuns} timed run(s))...");
                var workDirectory = Directory.CreateTempSubdirectory("ptanalytics-bench-" + stage.ToName() + "-").FullName;
                try
                {
                    var settings = new BenchStageSettings(dataset, timedRuns, importDirectory, workDirectory);
                    measurements.Add(await BenchStageProcess.MeasureAsync(stage, settings, databaseArguments, context.CancellationToken));
                }
                finally
                {
                    Directory.Delete(workDirectory, recursive: true);
                }
            }

            var report = BenchReport.From(database.Provider.ToString().ToLowerInvariant(), dataset.Appointments, BenchMachine.Describe(), measurements);
            context.Console.Write(BenchTable.Create(report));
            foreach (var stage in report.Stages.Where(stage => stage.Note is not null))
            {
                context.Console.MarkupLineInterpolated($"  [grey]{stage.Stage}: {stage.Note}[/]");
            }

            await report.WriteCsvAsync(csvPath, context.CancellationToken);
            await report.WriteJsonAsync(jsonPath, context.CancellationToken);
            context.Console.WriteLine($"Machine: {report.Machine}");
            context.Console.WriteLine($"Written to {csvPath} and {jsonPath}.");
            return CommandAction.Success;
        });

        return command;
    }

    /// <summary>
    /// The database options the stage processes get: the ones given, or on SQLite with neither --db nor
    /// --connection a benchmark file of its own per size in the data folder.
    /// </summary>
    private static List<string> DatabaseArgumentsFor(CommandContext context, BenchDataset dataset)
    {
        var db = context.Value(DatabaseArguments.Db);
        var provider = context.Value(DatabaseArguments.Provider);
        var connection = context.Value(DatabaseArguments.Connection);
        var arguments = new List<string>();
        if (db is null && connection is null && DatabaseSelection.ParseProvider(provider).Provider == DatabaseProvider.Sqlite)
        {
            db = Path.Combine(AnalyticsPaths.DataDirectory, string.Create(CultureInfo.InvariantCulture, $"bench-{dataset.Appointments}.db"));
        }

        if (db is not null)
        {
            arguments.AddRange(["--db", Path.GetFullPath(db)]);
        }

        if (provider is not null)
        {
            arguments.AddRange(["--provider", provider]);
        }

        if (connection is not null)
        {
            arguments.AddRange(["--connection", connection]);
        }

        return arguments;
    }

    private static IEnumerable<KeyValuePair<string, string?>> DatabaseArgumentsAsConfiguration(List<string> arguments)
    {
        var root = new RootCommand();
        root.Options.Add(DatabaseArguments.Db);
        root.Options.Add(DatabaseArguments.Provider);
        root.Options.Add(DatabaseArguments.Connection);
        return DatabaseArguments.AsConfiguration(root.Parse(arguments)).ToList();
    }

    private static (string Csv, string Json) OutputPaths(string? output, CommandContext context, BenchDataset dataset)
    {
        var extension = Path.GetExtension(output ?? "").ToLowerInvariant();
        if (output is not null && extension is ".csv" or ".json")
        {
            var file = Path.GetFullPath(output);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            return (Path.ChangeExtension(file, ".csv"), Path.ChangeExtension(file, ".json"));
        }

        var directory = Path.GetFullPath(output ?? Path.Combine(AnalyticsPaths.DataDirectory, "bench"));
        Directory.CreateDirectory(directory);
        var provider = DatabaseSelection.ParseProvider(context.Value(DatabaseArguments.Provider)).Name;
        var stem = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"bench-{provider}-{dataset.Appointments}"));
        return (stem + ".csv", stem + ".json");
    }
}
