namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>One line of the benchmark table.</summary>
/// <param name="Seconds">The median of the timed runs.</param>
/// <param name="RatioToFloor">Seconds over the floor's seconds; null for stages that do not read the history.</param>
internal sealed record BenchStageResult(
    string Stage, long Rows, int Runs, double Seconds, double RowsPerSecond, double PeakMegabytes, double? RatioToFloor, string? Note);
