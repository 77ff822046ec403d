using System.Globalization;
using System.Text.Json.Serialization;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>
/// The benchmark's table: each stage's median seconds (and the fastest and slowest run), rows per second, peak memory and, for the stages
/// that read the whole history, the ratio to the floor and to the DuckDB peer. Written as CSV and JSON with the same columns.
/// </summary>
/// <param name="Rounds">How many times the whole measurement ran; each median is over the timed runs of all of them.</param>
internal sealed record BenchReport(string Provider, long Appointments, string Machine, int Rounds, IReadOnlyList<BenchStageResult> Stages)
{
    public static readonly IReadOnlyList<string> CsvColumns =
        ["stage", "rows", "runs", "warmup_runs", "seconds_median", "seconds_min", "seconds_max", "rows_per_second", "peak_memory_mb", "disk_read_mb_per_run", "ratio_to_floor", "ratio_to_duckdb", "cold_seconds", "cold_ratio_to_duckdb", "note"];

    /// <summary>The stages whose work on top of reading the history is compared with the floor.</summary>
    private static readonly string[] ComparedWithFloor = [BenchStage.Flags.ToName(), BenchStage.Metrics.ToName(), BenchStage.Nightly.ToName()];

    /// <summary>
    /// Stages with a floor of their own: a re-sync reads the source's five tables, not the store's one, so
    /// its floor is the time of reading that source (issue 16: "a re-sync with nothing changed in at most
    /// the time of reading it").
    /// </summary>
    private static readonly Dictionary<string, string> OwnFloor = new() { [BenchStage.Resync.ToName()] = BenchStage.SourceRead.ToName() };

    /// <summary>The stages that answer from the whole history, compared with the DuckDB peer's query over the same data (issue 19).</summary>
    private static readonly string[] ComparedWithDuckDb =
        [BenchStage.Flags.ToName(), BenchStage.Metrics.ToName(), BenchStage.Nightly.ToName(), BenchStage.NightlyIncremental.ToName()];

    public static BenchReport From(string provider, long appointments, string machine, int rounds, IEnumerable<BenchStageMeasurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        var stages = measurements.Select(Summarise).ToList();
        var byName = stages.ToDictionary(stage => stage.Stage);
        var duckDb = byName.GetValueOrDefault(BenchStage.Duckdb.ToName());
        stages = stages
            .Select(stage => stage with
            {
                RatioToFloor = Ratio(stage.Seconds, FloorOf(stage.Stage) is { } floor ? byName.GetValueOrDefault(floor)?.Seconds : null),
                RatioToDuckDb = ComparedWithDuckDb.Contains(stage.Stage) ? Ratio(stage.Seconds, duckDb?.Seconds) : null,
                ColdRatioToDuckDb = ComparedWithDuckDb.Contains(stage.Stage) ? Ratio(stage.ColdSeconds, duckDb?.ColdSeconds) : null,
            })
            .ToList();
        return new BenchReport(provider, appointments, machine, rounds, stages);
    }

    private static string? FloorOf(string stage) =>
        OwnFloor.TryGetValue(stage, out var own) ? own : ComparedWithFloor.Contains(stage) ? BenchStage.Floor.ToName() : null;

    private static double? Ratio(double? seconds, double? baseline) => seconds is not null && baseline is > 0 ? seconds / baseline : null;

    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public Task WriteCsvAsync(string path, CancellationToken cancellationToken) =>
        BenchFiles.WriteCsvAsync(path, CsvColumns, Stages.Select(stage => new[]
        {
            stage.Stage,
            stage.Rows.ToString(CultureInfo.InvariantCulture),
            stage.Runs.ToString(CultureInfo.InvariantCulture),
            stage.WarmUpRuns.ToString(CultureInfo.InvariantCulture),
            stage.Seconds.ToString("0.###", CultureInfo.InvariantCulture),
            stage.SecondsMin.ToString("0.###", CultureInfo.InvariantCulture),
            stage.SecondsMax.ToString("0.###", CultureInfo.InvariantCulture),
            stage.RowsPerSecond.ToString("0", CultureInfo.InvariantCulture),
            stage.PeakMegabytes.ToString("0.#", CultureInfo.InvariantCulture),
            stage.DiskReadMegabytesPerRun?.ToString("0.#", CultureInfo.InvariantCulture) ?? "",
            stage.RatioToFloor?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
            stage.RatioToDuckDb?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
            stage.ColdSeconds?.ToString("0.###", CultureInfo.InvariantCulture) ?? "",
            stage.ColdRatioToDuckDb?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
            stage.Note ?? "",
        }), cancellationToken);

    public Task WriteJsonAsync(string path, CancellationToken cancellationToken) => BenchFiles.WriteJsonAsync(path, this, cancellationToken);

    private static BenchStageResult Summarise(BenchStageMeasurement measurement)
    {
        var seconds = Median(measurement.Seconds);
        return new BenchStageResult(
            measurement.Stage,
            measurement.Rows,
            measurement.Seconds.Count,
            measurement.WarmUpRuns,
            seconds,
            measurement.Seconds.Count == 0 ? 0 : measurement.Seconds.Min(),
            measurement.Seconds.Count == 0 ? 0 : measurement.Seconds.Max(),
            seconds > 0 ? measurement.Rows / seconds : 0,
            measurement.PeakMegabytes,
            measurement.DiskReadMegabytes / Math.Max(1, measurement.Seconds.Count),
            null,
            null,
            measurement.ColdSeconds.Count == 0 ? null : Median(measurement.ColdSeconds),
            null,
            measurement.Note);
    }
}

/// <summary>One line of the benchmark table; in JSON under the same names as the CSV's columns.</summary>
/// <param name="WarmUpRuns">Untimed runs before the timed ones, until the JIT was done compiling the stage's code.</param>
/// <param name="Seconds">The median of the timed runs.</param>
/// <param name="SecondsMin">The fastest timed run: with <paramref name="SecondsMax"/>, how far the runs spread.</param>
/// <param name="SecondsMax">The slowest timed run.</param>
/// <param name="DiskReadMegabytesPerRun">What the machine read from disk in a timed run, on average: about 0 when the stage's data stays in the file cache.</param>
/// <param name="RatioToFloor">Seconds over the floor's seconds (resync: over source-read's, the reading of its source); null for stages that do not read the whole history.</param>
/// <param name="RatioToDuckDb">Seconds over the DuckDB peer's (the <c>duckdb</c> stage): for flags, metrics, nightly and nightly-incremental, when the peer was measured.</param>
/// <param name="ColdSeconds">The median over the rounds of the cold figure: a fresh process, as a user runs the command; null without a cold run.</param>
/// <param name="ColdRatioToDuckDb">Cold seconds over the <c>duckdb</c> stage's cold seconds; null without that stage.</param>
internal sealed record BenchStageResult(
    string Stage,
    long Rows,
    int Runs,
    [property: JsonPropertyName("warmup_runs")] int WarmUpRuns,
    [property: JsonPropertyName("seconds_median")] double Seconds,
    double SecondsMin,
    double SecondsMax,
    double RowsPerSecond,
    [property: JsonPropertyName("peak_memory_mb")] double PeakMegabytes,
    [property: JsonPropertyName("disk_read_mb_per_run")] double? DiskReadMegabytesPerRun,
    double? RatioToFloor,
    [property: JsonPropertyName("ratio_to_duckdb")] double? RatioToDuckDb,
    [property: JsonPropertyName("cold_seconds")] double? ColdSeconds,
    [property: JsonPropertyName("cold_ratio_to_duckdb")] double? ColdRatioToDuckDb,
    string? Note);
