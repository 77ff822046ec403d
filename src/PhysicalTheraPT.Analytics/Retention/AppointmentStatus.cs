namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>The statuses of the data contract (<c>appointments.status</c>).</summary>
public enum AppointmentStatus : byte
{
    Booked,
    Completed,
    Cancelled,
    NoShow,
}
