using System.CommandLine;
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

    public static Option<int> Runs() => new("--runs")
    {
        Description = "Timed runs per stage, after warm-up runs until the JIT has settled; the table shows their median.",
        DefaultValueFactory = _ => DefaultRuns,
    };

    public static BenchDataset Dataset(long appointments) => new(appointments);

    public static int CheckRuns(int runs) => runs is >= 1 and <= 100
        ? runs
        : throw new UserInputException($"--runs {runs} is out of range: use 1 to 100.");
}
