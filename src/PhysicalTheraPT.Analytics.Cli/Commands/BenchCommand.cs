using System.CommandLine;
using System.Globalization;
using PhysicalTheraPT.Analytics.Benchmarks;
using PhysicalTheraPT.Analytics.Data;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>
/// <c>ptanalytics bench</c>: seeds a deterministic history of about N appointments when the database does
/// not hold it yet, then measures every stage in a process of its own (median of the timed runs after a
/// warm-up, peak memory) and prints and writes the table. Several sizes are measured side by side, each
/// stage at every size before the next stage, so the growth from one size to the next compares runs
/// minutes apart rather than a whole size's stages apart, on a host whose speed drifts.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var appointments = BenchArguments.Sizes();
        var runs = BenchArguments.Runs();
        var rounds = BenchArguments.Rounds();
        var stages = BenchArguments.Stages();
        var coldRuns = BenchArguments.ColdRuns();
        var output = new Option<string?>("--output")
        {
            Description = "A folder for bench-<provider>-<N>.csv and .json (and bench-<provider>-scaling.csv and .json for several sizes), "
                + "or for one size a .csv/.json file name (the other is written beside it). Default: the data folder's bench/.",
        };
        var command = new Command("bench", "Benchmark flags, metrics, workbooks and import against the floor of reading the data, on a seeded history.")
        {
            appointments, runs, rounds, stages, coldRuns, output,
        };

        CommandAction.Set(command, console, async context =>
        {
            var datasets = BenchArguments.Datasets(context.Value(appointments));
            var timedRuns = BenchArguments.CheckRuns(context.Value(runs));
            var roundCount = BenchArguments.CheckRounds(context.Value(rounds));
            var coldRunCount = BenchArguments.CheckColdRuns(context.Value(coldRuns));
            var stagesToMeasure = BenchArguments.StagesToMeasure(context.Value(stages));
            // The stage processes get the database options on their command line, so those name the provider.
            var provider = DatabaseSelection.ParseProvider(context.Value(DatabaseArguments.Provider)).Name;
            var sizes = datasets.Select(dataset => BenchSize.For(context, dataset, datasets.Count > 1)).ToList();
            var outputs = BenchOutput.Resolve(context.Value(output), provider, datasets);
            foreach (var size in sizes)
            {
                await size.PrepareAsync(context);
            }

            var measured = await MeasureAsync(context, sizes, stagesToMeasure, timedRuns, roundCount, coldRunCount);
            var machine = BenchMachine.Describe();
            var reports = sizes
                .Select(size => BenchReport.From(provider, size.Dataset.Appointments, machine, roundCount,
                    stagesToMeasure.Select(stage => BenchStageMeasurement.Pool(measured[(size.Dataset.Appointments, stage)]))))
                .ToList();
            foreach (var report in reports)
            {
                context.Console.Write(BenchTable.Create(report));
                var (csv, json) = outputs.For(report.Appointments);
                await report.WriteCsvAsync(csv, context.CancellationToken);
                await report.WriteJsonAsync(json, context.CancellationToken);
            }

            foreach (var stage in reports[0].Stages.Where(stage => stage.Note is not null))
            {
                context.Console.MarkupLineInterpolated($"  [grey]{stage.Stage}: {stage.Note}[/]");
            }

            if (reports.Count > 1)
            {
                var scaling = BenchScaling.From(reports);
                context.Console.Write(BenchTable.Create(scaling));
                var (csv, json) = outputs.Scaling;
                await scaling.WriteCsvAsync(csv, context.CancellationToken);
                await scaling.WriteJsonAsync(json, context.CancellationToken);
            }

            context.Console.WriteLine($"Machine: {machine}");
            context.Console.WriteLine($"Written to {outputs.Description}.");
            return CommandAction.Success;
        });

        return command;
    }

    /// <summary>
    /// Every stage at every size, round after round; each round goes through the sizes the other way
    /// round from the last, so over an even number of rounds each size is measured first as often.
    /// </summary>
    private static async Task<Dictionary<(long Appointments, BenchStage Stage), List<BenchStageMeasurement>>> MeasureAsync(
        CommandContext context, IReadOnlyList<BenchSize> sizes, IReadOnlyList<BenchStage> stages, int timedRuns, int rounds, int coldRuns)
    {
        var measured = new Dictionary<(long, BenchStage), List<BenchStageMeasurement>>();
        for (var round = 1; round <= rounds; round++)
        {
            var order = round % 2 == 1 ? sizes : sizes.Reverse().ToList();
            var ofRounds = rounds > 1 ? string.Create(CultureInfo.InvariantCulture, $", round {round} of {rounds}") : "";
            foreach (var stage in stages)
            {
                foreach (var size in order)
                {
                    context.Console.MarkupLineInterpolated(
                        $"Measuring [bold]{stage.ToName()}[/] at {size.Dataset.Appointments:N0} appointments{ofRounds} (warm-up runs until the JIT has settled, then {timedRuns} timed run(s))...");
                    var workDirectory = Directory.CreateTempSubdirectory("ptanalytics-bench-" + stage.ToName() + "-").FullName;
                    try
                    {
                        var settings = new BenchStageSettings(size.Dataset, timedRuns, size.ImportDirectory, workDirectory);
                        var measurement = await BenchStageProcess.MeasureAsync(stage, settings, size.DatabaseArguments, context.CancellationToken);
                        measurement = measurement with { ColdSeconds = await ColdSecondsAsync(stage, settings, size.DatabaseArguments, measurement, coldRuns, context.CancellationToken) };
                        if (!measured.TryGetValue((size.Dataset.Appointments, stage), out var list))
                        {
                            measured[(size.Dataset.Appointments, stage)] = list = [];
                        }

                        list.Add(measurement);

                        // Fails now, not after the last round, when a round handled other rows than the first.
                        _ = BenchStageMeasurement.Pool(list);
                    }
                    finally
                    {
                        Directory.Delete(workDirectory, recursive: true);
                    }
                }
            }
        }

        return measured;
    }

    /// <summary>
    /// This round's cold figures of <paramref name="stage"/>: its user command run <paramref name="coldRuns"/>
    /// time(s) in a fresh process, or the stage child's first run where no command does the stage's work.
    /// </summary>
    private static async Task<IReadOnlyList<double>> ColdSecondsAsync(
        BenchStage stage, BenchStageSettings settings, IReadOnlyList<string> databaseArguments, BenchStageMeasurement child, int coldRuns, CancellationToken cancellationToken)
    {
        if (BenchColdRun.Command(stage, settings, databaseArguments, 0) is null)
        {
            return BenchColdRun.FromChild(stage) ? child.ColdSeconds : [];
        }

        var seconds = new List<double>(coldRuns);
        for (var run = 0; run < coldRuns; run++)
        {
            seconds.Add(await BenchColdRun.MeasureAsync(BenchColdRun.Command(stage, settings, databaseArguments, run)!, cancellationToken));
        }

        return seconds;
    }
}
