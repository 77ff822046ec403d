namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// The columns of <c>patients</c> the retention rules read: no names or contact details, which the rules
/// never need. Settable properties (not a positional record) so Dapper maps SQLite's integer flag and the
/// servers' booleans alike.
/// </summary>
internal sealed class RetentionPatientRow
{
    public string PatientId { get; init; } = "";

    public string ClinicId { get; init; } = "";

    public bool DoNotContact { get; init; }
}
