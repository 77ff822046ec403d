namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// A row of <c>patient_flags</c>: one flagged patient of one clinic as of one date, as refresh-flags
/// stored it. <see cref="Flag"/>: dropped_after_acute or maintenance_lapsed.
/// </summary>
public sealed record StoredPatientFlag
{
    public string ClinicId { get; init; } = "";

    public DateOnly AsOf { get; init; }

    public string PatientId { get; init; } = "";

    public string Flag { get; init; } = "";

    public DateOnly? AcuteEnd { get; init; }

    public string? EndType { get; init; }

    public DateOnly? LastMaintenance { get; init; }

    public int DaysSince { get; init; }

    public int Priority { get; init; }

    public string Reason { get; init; } = "";
}
