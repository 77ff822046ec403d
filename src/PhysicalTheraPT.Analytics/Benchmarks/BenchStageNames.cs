namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>The stage names of the command line, the table and the CSV/JSON files.</summary>
internal static class BenchStageNames
{
    public static string ToName(this BenchStage stage) => stage.ToString().ToLowerInvariant();

    public static BenchStage? TryParse(string? name) =>
        Enum.GetValues<BenchStage>().Select(stage => (BenchStage?)stage).FirstOrDefault(stage => stage!.Value.ToName() == name?.Trim().ToLowerInvariant());

    /// <summary>The stage <paramref name="name"/> names, or a user error naming <paramref name="option"/> and the stages there are.</summary>
    public static BenchStage Parse(string? name, string option) => TryParse(name)
        ?? throw new UserInputException(
            $"{option} '{name}' is not a benchmark stage: use {string.Join(", ", Enum.GetValues<BenchStage>().Select(ToName))}.");
}
