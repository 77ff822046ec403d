namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>A maintenance appointment (booked or kept) and the clinic-local day it was booked on.</summary>
public sealed record MaintenanceBooking(string PatientId, DateOnly BookedOn);
