namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>One recorded episode of acute care, as the retention rules see it.</summary>
public sealed record PatientEpisode(
    string EpisodeId,
    string ClinicId,
    DateOnly StartedOn,
    DateOnly? DischargedOn,
    string? DischargeReason,
    string? BodyRegion,
    string? ReferralSource,
    int? MaintenanceIntervalDays);
