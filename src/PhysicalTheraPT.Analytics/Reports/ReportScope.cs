namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Whose numbers a report holds: every clinic (<see cref="ClinicId"/> null) or one clinic. The name is
/// what people read in titles and print headers.
/// </summary>
public sealed record ReportScope(string? ClinicId, string Name)
{
    public static ReportScope AllClinics { get; } = new(null, "All clinics");

    public static ReportScope Clinic(string clinicId, string name) => new(clinicId, name);

    public bool IsAllClinics => ClinicId is null;
}
