namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// A row of <c>episodes</c>: one recorded episode of acute care. <see cref="DischargeReason"/>: goals_met,
/// self_discharged, referred_out, other, or null while open or unknown.
/// </summary>
internal sealed record EpisodeRow(
    string EpisodeId,
    string PatientId,
    string ClinicId,
    DateOnly StartedOn,
    DateOnly? DischargedOn,
    string? DischargeReason,
    string? Condition,
    string? BodyRegion,
    string? ReferralSource,
    int? MaintenanceIntervalDays);
