using System.Globalization;
using PhysicalTheraPT.Analytics.Benchmarks;

namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>
/// A stage's cold figure: what a user, a cron line or the first night after a restart gets. For a stage a
/// user command does, that command as a user types it, timed from spawn to exit in a fresh process on the
/// benchmark's database; for a stage no command does (floor, outreach, the DuckDB peer, sync), the stage
/// child's own first run counted from its process's start (<see cref="FromChild"/>).
/// </summary>
internal static class BenchColdRun
{
    /// <summary>
    /// The stages whose child's first run is not cold: their untimed preparation runs the same code first
    /// (the night before of nightly-incremental, the first sync of resync), so no cold figure is shown.
    /// </summary>
    private static readonly BenchStage[] NotCold = [BenchStage.NightlyIncremental, BenchStage.Resync];

    /// <summary>The stages a user command does (<see cref="Command"/>).</summary>
    private static readonly BenchStage[] ByCommand = [BenchStage.Flags, BenchStage.Metrics, BenchStage.Nightly, BenchStage.Workbook, BenchStage.Import];

    /// <summary>
    /// The user command that does <paramref name="stage"/>'s work, with the database options of
    /// <paramref name="databaseArguments"/> (the import's own fresh SQLite file for import); null for none.
    /// </summary>
    public static IReadOnlyList<string>? Command(BenchStage stage, BenchStageSettings settings, IReadOnlyList<string> databaseArguments, int run)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (stage == BenchStage.Import)
        {
            var database = Path.Combine(settings.WorkDirectory, string.Create(CultureInfo.InvariantCulture, $"cold-import-{run}.db"));
            return ["--db", database, "import", "--from", settings.ImportDirectory];
        }

        var month = BenchDataset.ReportMonth.ToString();
        IReadOnlyList<string>? command = stage switch
        {
            // The user's flags: computed and written to a file; the warm stage stores them as the nightly job does (see nightly).
            BenchStage.Flags => ["flags", "--as-of", BenchDataset.Until.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--output", Path.Combine(settings.WorkDirectory, "flags.csv")],
            BenchStage.Metrics => ["metrics", "--month", month, "--output", Path.Combine(settings.WorkDirectory, "metrics.csv")],
            // The job for today (after the seeded history); a later flags or nightly stage removes its set with the benchmark's nights.
            BenchStage.Nightly => ["serve", "--once", "refresh-flags", "--full"],
            // The report command's engine pass is timed with it: a user waits for both.
            BenchStage.Workbook => ["report", "monthly", "--month", month, "--out", settings.WorkDirectory],
            _ => null,
        };
        return command is null ? null : [.. databaseArguments, .. command];
    }

    /// <summary>Whether the child's first run is <paramref name="stage"/>'s cold figure (no command does its work, and nothing warmed it).</summary>
    public static bool FromChild(BenchStage stage) => !ByCommand.Contains(stage) && !NotCold.Contains(stage);

    /// <summary>
    /// Runs <paramref name="arguments"/> in a fresh <c>ptanalytics</c> process; the seconds from spawn to exit.
    /// </summary>
    public static async Task<double> MeasureAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output, error, elapsed) = await BenchStageProcess.RunAsync(arguments, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"The cold run `ptanalytics {string.Join(' ', arguments)}` failed (exit code {exitCode}): {output}\n{error}");
        }

        return elapsed.TotalSeconds;
    }
}
