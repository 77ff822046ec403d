using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Analysis;

/// <summary>
/// One flagged patient of one clinic as of one date, as refresh-flags stored it in <c>patient_flags</c>
/// (<see cref="PatientFlagStore"/> maps the stored names to these enums and back).
/// </summary>
internal sealed record StoredPatientFlag
{
    public string ClinicId { get; init; } = "";

    public DateOnly AsOf { get; init; }

    public string PatientId { get; init; } = "";

    public PatientFlagKind Kind { get; init; }

    public DateOnly? AcuteEnd { get; init; }

    public AcuteEndType? EndType { get; init; }

    public DateOnly? LastMaintenance { get; init; }

    public int DaysSince { get; init; }

    public int Priority { get; init; }

    public string Reason { get; init; } = "";

    /// <summary>Provider of the last completed acute visit of the episode that ended at <see cref="AcuteEnd"/>; null in sets stored before it was kept.</summary>
    public string? DischargingProviderId { get; init; }

    /// <summary>The stored form of an engine's flag as of <paramref name="asOf"/>.</summary>
    public static StoredPatientFlag From(PatientFlag flag, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return new StoredPatientFlag
        {
            ClinicId = flag.ClinicId,
            AsOf = asOf,
            PatientId = flag.PatientId,
            Kind = flag.Kind,
            AcuteEnd = flag.AcuteEnd,
            EndType = flag.EndType,
            LastMaintenance = flag.LastMaintenance,
            DaysSince = flag.DaysSince,
            Priority = flag.Priority,
            Reason = flag.Reason,
            DischargingProviderId = flag.DischargingProviderId,
        };
    }

    /// <summary>The stored form of a flag without its texts, with its <paramref name="reason"/> as of <paramref name="asOf"/>.</summary>
    public static StoredPatientFlag From(FlaggedPatient flag, string reason, DateOnly asOf) => new()
    {
        ClinicId = flag.ClinicId,
        AsOf = asOf,
        PatientId = flag.PatientId,
        Kind = flag.Kind,
        AcuteEnd = flag.AcuteEnd,
        EndType = flag.EndType,
        LastMaintenance = flag.LastMaintenance,
        DaysSince = flag.DaysSince,
        Priority = flag.Priority,
        Reason = reason,
        DischargingProviderId = flag.DischargingProviderId,
    };
}
