namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// One appointment as the retention rules see it: its local calendar date (the date part of
/// <c>starts_at</c>, in the clinic's time zone), service, status, and what it belongs to.
/// </summary>
internal readonly record struct PatientAppointment(
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

/// <summary>The statuses of the data contract (<c>appointments.status</c>).</summary>
public enum AppointmentStatus : byte
{
    Booked,
    Completed,
    Cancelled,
    NoShow,
}

/// <summary>The three services of the data contract (<c>appointments.service</c>).</summary>
internal enum ServiceKind : byte
{
    /// <summary><c>pt</c>: physical therapy, part of the acute phase.</summary>
    PhysicalTherapy,

    /// <summary><c>recovery_massage</c>: massage during the acute phase.</summary>
    RecoveryMassage,

    /// <summary><c>maintenance_massage</c>: the every-2-4-weeks massage after discharge.</summary>
    MaintenanceMassage,
}
