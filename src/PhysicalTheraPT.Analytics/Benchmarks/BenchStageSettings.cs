namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>How one stage is measured: on which dataset, how many timed runs, where its files go.</summary>
/// <param name="ImportDirectory">The seeded contract CSV files the import stage reads.</param>
/// <param name="WorkDirectory">A folder of the stage's own for the files it writes; the caller deletes it.</param>
internal sealed record BenchStageSettings(BenchDataset Dataset, int Runs, string ImportDirectory, string WorkDirectory);
