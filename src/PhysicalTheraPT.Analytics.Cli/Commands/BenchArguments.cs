using System.CommandLine;
using System.Globalization;
using PhysicalTheraPT.Analytics.Benchmarks;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>The options <c>bench</c> and its per-stage child <c>bench-stage</c> share.</summary>
internal static class BenchArguments
{
    /// <summary>Timed runs per stage when none is asked for: enough for a median, few enough at 5M appointments.</summary>
    public const int DefaultRuns = 3;

    public static Option<long> Appointments() => new("--appointments")
    {
        Description = "About how many appointments the seeded history holds (patients = N/21; 50 clinics from 1M).",
        DefaultValueFactory = _ => 100_000,
    };

    /// <summary><c>bench</c>'s sizes: one, or several side by side.</summary>
    public static Option<string> Sizes() => new("--appointments")
    {
        Description = "About how many appointments the seeded history holds (patients = N/21; 50 clinics from 1M). "
            + "Several sizes, comma-separated (1250000,2500000,5000000), are measured side by side, each stage at every size before the next stage, and their growth is reported.",
        DefaultValueFactory = _ => "100000",
    };

    public static Option<int> Rounds() => new("--rounds")
    {
        Description = "Times to repeat the whole measurement, sizes side by side each time; every median is over the timed runs of all rounds. Evens out a host whose speed drifts.",
        DefaultValueFactory = _ => 1,
    };

    public static Option<string?> Stages() => new("--stages")
    {
        Description = "The stages to measure, comma-separated (floor,flags,metrics,duckdb,nightly,nightly-incremental,workbook,outreach,import,sync,resync); default all. The ratios to the floor need floor among them, the ratios to DuckDB duckdb.",
    };

    /// <summary>Cold runs per stage and round when none is asked for: one, as a user gets it; the rounds give the median.</summary>
    public const int DefaultColdRuns = 1;

    public static Option<int> ColdRuns() => new("--cold-runs")
    {
        Description = "Cold runs per stage and round: the stage's user command in a fresh process (spawn to exit), after its warm runs; "
            + "the table's cold seconds are their median over all rounds. Stages no command does take their child's first run, once a round.",
        DefaultValueFactory = _ => DefaultColdRuns,
    };

    public static Option<int> Runs() => new("--runs")
    {
        Description = "Timed runs per stage, after warm-up runs until the JIT has settled; the table shows their median.",
        DefaultValueFactory = _ => DefaultRuns,
    };

    public static BenchDataset Dataset(long appointments) => new(appointments);

    /// <summary>The datasets of <c>--appointments</c>, smallest first, each size once.</summary>
    public static IReadOnlyList<BenchDataset> Datasets(string? sizes)
    {
        var parts = (sizes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new UserInputException("--appointments is empty: give a number of appointments, or several separated by commas (1250000,2500000,5000000).");
        }

        if (parts.Length > 1 && parts.Skip(1).Any(part => part.Length == 3 && part.All(char.IsAsciiDigit)))
        {
            // "1,250,000" splits into 1, 250 and 000: here commas separate sizes.
            throw new UserInputException($"--appointments '{sizes}' reads as the sizes {string.Join(", ", parts)}: commas separate sizes, so write each without thousands separators (1250000,2500000).");
        }

        var appointments = new SortedSet<long>();
        foreach (var part in parts)
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                throw new UserInputException($"--appointments '{part}' is not a whole number of appointments: give one, or several separated by commas (1250000,2500000,5000000).");
            }

            _ = BenchDataset.SettingsFor(size);
            appointments.Add(size);
        }

        return [.. appointments.Select(Dataset)];
    }

    /// <summary>The stages of <c>--stages</c>, in the order the table shows them; all of them when none is named.</summary>
    public static IReadOnlyList<BenchStage> StagesToMeasure(string? stages)
    {
        var names = (stages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.Length == 0
            ? Enum.GetValues<BenchStage>()
            : [.. names.Select(name => BenchStageNames.Parse(name, "--stages")).Distinct().Order()];
    }

    public static int CheckRounds(int rounds) => rounds is >= 1 and <= 20
        ? rounds
        : throw new UserInputException($"--rounds {rounds} is out of range: use 1 to 20.");

    public static int CheckRuns(int runs) => runs is >= 1 and <= 100
        ? runs
        : throw new UserInputException($"--runs {runs} is out of range: use 1 to 100.");

    public static int CheckColdRuns(int coldRuns) => coldRuns is >= 0 and <= 20
        ? coldRuns
        : throw new UserInputException($"--cold-runs {coldRuns} is out of range: use 0 (no cold runs of the commands) to 20.");
}
