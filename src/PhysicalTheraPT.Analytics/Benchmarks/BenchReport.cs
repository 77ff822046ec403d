using System.Globalization;
using System.Text.Json.Serialization;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>
/// The benchmark's table: each stage's median seconds (and the fastest and slowest run), rows per second, peak memory and, for the stages
/// that read the whole history, the ratio to the floor. Written as CSV and JSON with the same columns.
/// </summary>
/// <param name="Rounds">How many times the whole measurement ran; each median is over the timed runs of all of them.</param>
internal sealed record BenchReport(string Provider, long Appointments, string Machine, int Rounds, IReadOnlyList<BenchStageResult> Stages)
{
    public static readonly IReadOnlyList<string> CsvColumns =
        ["stage", "rows", "runs", "warmup_runs", "seconds_median", "seconds_min", "seconds_max", "rows_per_second", "peak_memory_mb", "disk_read_mb_per_run", "ratio_to_floor", "note"];

    /// <summary>The stages whose work on top of reading the history is compared with the floor.</summary>
    private static readonly string[] ComparedWithFloor = [BenchStage.Flags.ToName(), BenchStage.Metrics.ToName(), BenchStage.Nightly.ToName()];

    /// <summary>
    /// Stages with a floor of their own: a re-sync reads the source's five tables, not the store's one, so
    /// its floor is the time of reading that source (issue 16: "a re-sync with nothing changed in at most
    /// the time of reading it").
    /// </summary>
    private static readonly Dictionary<string, string> OwnFloor = new() { [BenchStage.Resync.ToName()] = BenchStage.SourceRead.ToName() };

    public static BenchReport From(string provider, long appointments, string machine, int rounds, IEnumerable<BenchStageMeasurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        var stages = measurements.Select(Summarise).ToList();
        var seconds = stages.ToDictionary(stage => stage.Stage, stage => stage.Seconds);
        var floorName = BenchStage.Floor.ToName();
        stages = stages
            .Select(stage => (OwnFloor.TryGetValue(stage.Stage, out var own) ? own : ComparedWithFloor.Contains(stage.Stage) ? floorName : null) is { } floor
                && seconds.GetValueOrDefault(floor) > 0
                ? stage with { RatioToFloor = stage.Seconds / seconds[floor] }
                : stage)
            .ToList();
        return new BenchReport(provider, appointments, machine, rounds, stages);
    }

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
    string? Note);
