using System.Data;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// The columns of <c>patients</c> the retention rules read: no names or contact details, which the rules
/// never need. Settable properties (not a positional record) so Dapper maps SQLite's integer flags and
/// text dates and the servers' booleans and dates alike.
/// </summary>
internal sealed class RetentionPatientRow
{
    public string PatientId { get; init; } = "";

    public string ClinicId { get; init; } = "";

    public bool DoNotContact { get; init; }

    public DateOnly? DeceasedOn { get; init; }

    public bool AllowPhone { get; init; } = true;

    public bool AllowSms { get; init; } = true;

    public bool AllowEmail { get; init; } = true;

    public ContactConsent ToConsent() => new(DoNotContact, DeceasedOn, AllowPhone, AllowSms, AllowEmail);
}

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

/// <summary>
/// The columns of <c>appointments</c> the retention rules read. <c>starts_at</c> is the clinic's local
/// wall-clock time; the rules work in whole days, so only its date comes, as <see cref="StartsOnDay"/>.
/// </summary>
internal sealed class RetentionAppointmentRow
{
    public string AppointmentId { get; init; } = "";

    public string PatientId { get; init; } = "";

    public string ClinicId { get; init; } = "";

    public string? ProviderId { get; init; }

    public string? EpisodeId { get; init; }

    public string Service { get; init; } = "";

    /// <summary>The <see cref="DateOnly.DayNumber"/> of <c>starts_at</c>'s date (PatientHistoryReader asks the database for it).</summary>
    public int StartsOnDay { get; init; }

    public string Status { get; init; } = "";

    /// <summary>The row as the rules see it; the codes become enums without allocating.</summary>
    public PatientAppointment ToPatientAppointment() =>
        new(AppointmentId, DateOnly.FromDayNumber(StartsOnDay), ParseService(Service), ParseStatus(Status), ClinicId, ProviderId, EpisodeId);

    private ServiceKind ParseService(string service) => service switch
    {
        "pt" => ServiceKind.PhysicalTherapy,
        "recovery_massage" => ServiceKind.RecoveryMassage,
        "maintenance_massage" => ServiceKind.MaintenanceMassage,
        // The schema's CHECK constraint rules this out; a database edited by hand could still hold it.
        _ => throw new DataException($"Appointment {AppointmentId} has service '{service}', which is not pt, recovery_massage or maintenance_massage."),
    };

    private AppointmentStatus ParseStatus(string status) => status switch
    {
        "completed" => AppointmentStatus.Completed,
        "booked" => AppointmentStatus.Booked,
        "cancelled" => AppointmentStatus.Cancelled,
        "no_show" => AppointmentStatus.NoShow,
        _ => throw new DataException($"Appointment {AppointmentId} has status '{status}', which is not booked, completed, cancelled or no_show."),
    };
}
