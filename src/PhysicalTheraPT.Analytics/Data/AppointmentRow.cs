namespace PhysicalTheraPT.Analytics.Data;

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
