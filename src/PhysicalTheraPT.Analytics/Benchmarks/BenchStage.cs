namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>What <c>ptanalytics bench</c> measures, in the order it measures and reports it.</summary>
internal enum BenchStage
{
    /// <summary>Reading the appointment rows the engine needs, unbuffered, doing nothing with them.</summary>
    Floor,

    /// <summary>The nightly flag refresh for all clinics: read + compute + store (the refresh-flags job's one pass and its sets).</summary>
    Flags,

    /// <summary>The monthly numbers for all clinics for one month.</summary>
    Metrics,

    /// <summary>
    /// The DuckDB peer: the flags rules as one SQL query in DuckDB over a copy of the same data (copied
    /// untimed), checked equal to the product's flags first; the query alone is timed.
    /// </summary>
    Duckdb,

    /// <summary>The whole refresh-flags job: <see cref="Flags"/>, then every clinic's outreach queue refreshed.</summary>
    Nightly,

    /// <summary>
    /// The whole refresh-flags job on a typical night: the night before refreshed, then 0.5 % of the
    /// patients with a new booking (untimed), then the incremental pass and the queues (timed).
    /// </summary>
    NightlyIncremental,

    /// <summary>Writing the all-clinics monthly workbook with its charts (the engine pass before it is not timed).</summary>
    Workbook,

    /// <summary>Writing a 5,000-row outreach list.</summary>
    Outreach,

    /// <summary>Importing the seeded appointments.csv (and its companion files) into a fresh SQLite database.</summary>
    Import,

    /// <summary>A <c>database</c> source over the benchmark's own database synced into a fresh SQLite store (compare with <see cref="Import"/>).</summary>
    Sync,

    /// <summary>The same source synced again into a store that holds it all, nothing changed (compare with <see cref="SourceRead"/>).</summary>
    Resync,

    /// <summary>Reading the source of <see cref="Sync"/>: its five queries through the source reader, values in the contract's form, nothing else.</summary>
    SourceRead,
}

/// <summary>The stage names of the command line, the table and the CSV/JSON files.</summary>
internal static class BenchStageNames
{
    /// <summary>floor, flags, …, nightly-incremental: the enum name in lower case, a hyphen before each inner capital.</summary>
    public static string ToName(this BenchStage stage) =>
        string.Concat(stage.ToString().Select((letter, index) => index > 0 && char.IsUpper(letter) ? "-" + char.ToLowerInvariant(letter) : char.ToLowerInvariant(letter).ToString()));

    public static BenchStage? TryParse(string? name) =>
        Enum.GetValues<BenchStage>().Select(stage => (BenchStage?)stage).FirstOrDefault(stage => stage!.Value.ToName() == name?.Trim().ToLowerInvariant());

    /// <summary>The stage <paramref name="name"/> names, or a user error naming <paramref name="option"/> and the stages there are.</summary>
    public static BenchStage Parse(string? name, string option) => TryParse(name)
        ?? throw new UserInputException(
            $"{option} '{name}' is not a benchmark stage: use {string.Join(", ", Enum.GetValues<BenchStage>().Select(ToName))}.");
}
