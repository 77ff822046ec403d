namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>Completions in a recurrence group and how many of them came back with a new episode.</summary>
public sealed record RecurrenceCounts(int Completions, int ReInjured)
{
    public double? Rate => Completions == 0 ? null : (double)ReInjured / Completions;
}
