namespace PhysicalTheraPT.Analytics.Data;

/// <summary>A row of <c>clinics</c>. <see cref="TimeZone"/> is an IANA id such as America/Denver.</summary>
internal sealed record ClinicRow(string ClinicId, string Name, string TimeZone);

/// <summary>A row of <c>providers</c>. <see cref="Discipline"/>: physical_therapy or massage_therapy.</summary>
internal sealed record ProviderRow(string ProviderId, string ClinicId, string Name, string Discipline);

/// <summary>
/// A row of <c>patients</c>. Names, phone and email are health data: they go to front-desk files only,
/// never to logs. <see cref="PreferredChannel"/>: phone, sms, email or null. <see cref="DeceasedOn"/> and
/// the <c>Allow</c> flags (consent per channel) default to alive and allowed, as a patient of an export
/// without those columns is.
/// </summary>
internal sealed record PatientRow(
    string PatientId,
    string ClinicId,
    string FirstName,
    string LastName,
    DateOnly? BirthDate,
    string? Phone,
    string? Email,
    string? PreferredChannel,
    bool DoNotContact,
    DateOnly? DeceasedOn = null,
    bool AllowPhone = true,
    bool AllowSms = true,
    bool AllowEmail = true);

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

/// <summary>
/// A row of <c>appointments</c>. <see cref="StartsAt"/> is the clinic's local wall-clock time (kind
/// Unspecified); <see cref="BookedAt"/> is UTC. Service: pt, recovery_massage, maintenance_massage.
/// Status: booked, completed, cancelled, no_show.
/// </summary>
internal sealed record AppointmentRow(
    string AppointmentId,
    string PatientId,
    string ClinicId,
    string? ProviderId,
    string? EpisodeId,
    string Service,
    DateTime StartsAt,
    string Status,
    DateTime? BookedAt);
