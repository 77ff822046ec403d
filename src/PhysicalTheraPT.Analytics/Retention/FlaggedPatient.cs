namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// A flag without its texts: what <see cref="PatientFlag"/> holds minus the priority explanation and the
/// reason, plus the two facts the reason's wording depends on. A few dozen bytes a patient, so a caller
/// that lists every flagged patient of a group (the monthly workbook: tens of thousands) holds these and
/// writes each reason with <see cref="FlagWriter.Reason"/> as it needs it, the same words the flag got.
/// </summary>
/// <param name="EndedByDischarge">The ended episode's E is a recorded discharge date (see <see cref="EvaluatedEpisode.EndedByDischarge"/>).</param>
/// <param name="ImplicitEpisode">The ended episode is an implicit one (no episode recorded).</param>
/// <param name="OtherPoints">The priority's points other than recency, before the cap: what stays while only the days go by (<see cref="FlagWriter.Carry"/>).</param>
internal readonly record struct FlaggedPatient(
    string PatientId,
    string ClinicId,
    PatientFlagKind Kind,
    DateOnly? AcuteEnd,
    AcuteEndType? EndType,
    bool EndedByDischarge,
    bool ImplicitEpisode,
    DateOnly? LastMaintenance,
    int DaysSince,
    int Priority,
    string? DischargingProviderId,
    int EpisodeVisits,
    int MaintenanceIntervalDays,
    int OtherPoints);
