using System.Text.Json.Serialization;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>One line of the benchmark table; in JSON under the same names as the CSV's columns.</summary>
/// <param name="WarmUpRuns">Untimed runs before the timed ones, until the JIT was done compiling the stage's code.</param>
/// <param name="Seconds">The median of the timed runs.</param>
/// <param name="SecondsMin">The fastest timed run: with <paramref name="SecondsMax"/>, how far the runs spread.</param>
/// <param name="SecondsMax">The slowest timed run.</param>
/// <param name="DiskReadMegabytesPerRun">What the machine read from disk in a timed run, on average: about 0 when the stage's data stays in the file cache.</param>
/// <param name="RatioToFloor">Seconds over the floor's seconds; null for stages that do not read the whole history.</param>
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
