using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// The columns of <c>episodes</c> the retention rules read. Settable properties, because SQLite hands
/// dates back as text, which Dapper converts for a property but not for a constructor parameter.
/// </summary>
internal sealed class RetentionEpisodeRow
{
    public string EpisodeId { get; init; } = "";

    public string PatientId { get; init; } = "";

    public string ClinicId { get; init; } = "";

    public DateOnly StartedOn { get; init; }

    public DateOnly? DischargedOn { get; init; }

    public string? DischargeReason { get; init; }

    public string? BodyRegion { get; init; }

    public string? ReferralSource { get; init; }

    public int? MaintenanceIntervalDays { get; init; }

    public PatientEpisode ToPatientEpisode() =>
        new(EpisodeId, ClinicId, StartedOn, DischargedOn, DischargeReason, BodyRegion, ReferralSource, MaintenanceIntervalDays);
}
