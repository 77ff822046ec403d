namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>The key of a row of <c>patient_flag_sets</c>, and its count and time when it is written.</summary>
internal sealed record FlagSetRow
{
    public string ClinicId { get; init; } = "";

    public DateOnly AsOf { get; init; }

    public int FlaggedCount { get; init; }

    public DateTime ComputedAt { get; init; }
}
