namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>A completed maintenance visit before the as-of date, and the clinic it took place at.</summary>
public readonly record struct MaintenanceVisit(DateOnly Date, string ClinicId);
