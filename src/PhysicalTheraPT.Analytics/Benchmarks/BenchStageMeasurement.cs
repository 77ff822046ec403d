namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>
/// What one stage's child process measured: the rows one run handles, how many warm-up runs it took, every
/// timed run's seconds (the warm-up left out) and the process's peak memory at the end. Sent back to the
/// parent as JSON.
/// </summary>
internal sealed record BenchStageMeasurement
{
    public required string Stage { get; init; }

    public required long Rows { get; init; }

    /// <summary>Runs before the timed ones: until the JIT was done compiling the stage's code.</summary>
    public int WarmUpRuns { get; init; } = 1;

    public required IReadOnlyList<double> Seconds { get; init; }

    public required double PeakMegabytes { get; init; }

    /// <summary>What the stage measured beyond its name, e.g. which store the flags went to.</summary>
    public string? Note { get; init; }
}
