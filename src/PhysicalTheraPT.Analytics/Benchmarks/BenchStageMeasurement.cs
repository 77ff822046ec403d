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

    /// <summary>
    /// The cold figure of each round: a fresh process, start to end (see <c>docs/benchmarks.md</c>, "Cold and
    /// warm"); empty where the stage had no cold run.
    /// </summary>
    public IReadOnlyList<double> ColdSeconds { get; init; } = [];

    public required double PeakMegabytes { get; init; }

    /// <summary>What the machine read from disk during the timed runs, all of them together; null where the system does not say.</summary>
    public double? DiskReadMegabytes { get; init; }

    /// <summary>What the stage measured beyond its name, e.g. which store the flags went to.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// One stage's measurements from several rounds as one: every timed run of every round (the median is
    /// taken over all of them), the most warm-up runs any round needed, the highest peak, and every round's disk reads.
    /// </summary>
    public static BenchStageMeasurement Pool(IReadOnlyList<BenchStageMeasurement> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        if (rounds.Count == 0)
        {
            throw new ArgumentException("No measurement to pool.", nameof(rounds));
        }

        var first = rounds[0];
        if (rounds.Any(round => round.Stage != first.Stage || round.Rows != first.Rows))
        {
            // Each round measures the same stage on the same database: other rows mean the data changed between rounds.
            throw new InvalidOperationException(
                $"The rounds of '{first.Stage}' handled different rows ({string.Join(", ", rounds.Select(round => round.Rows))}): the benchmark database changed while it ran.");
        }

        return first with
        {
            WarmUpRuns = rounds.Max(round => round.WarmUpRuns),
            Seconds = [.. rounds.SelectMany(round => round.Seconds)],
            ColdSeconds = [.. rounds.SelectMany(round => round.ColdSeconds)],
            PeakMegabytes = rounds.Max(round => round.PeakMegabytes),
            DiskReadMegabytes = rounds.Any(round => round.DiskReadMegabytes is null) ? null : rounds.Sum(round => round.DiskReadMegabytes),
        };
    }
}
