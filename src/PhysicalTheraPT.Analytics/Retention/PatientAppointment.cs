namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// One appointment as the retention rules see it: its local calendar date (the date part of
/// <c>starts_at</c>, in the clinic's time zone), service, status, and what it belongs to.
/// </summary>
public readonly record struct PatientAppointment(
    string AppointmentId,
    DateOnly Date,
    ServiceKind Service,
    AppointmentStatus Status,
    string ClinicId,
    string? ProviderId,
    string? EpisodeId)
{
    public bool IsAcute => Service != ServiceKind.MaintenanceMassage;

    public bool IsMaintenance => Service == ServiceKind.MaintenanceMassage;
}
