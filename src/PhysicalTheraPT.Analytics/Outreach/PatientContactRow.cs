namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// The contact details of one patient, as <see cref="PatientContactReader"/> selects them. Health data:
/// they go into outreach lists (owner-only files), never into logs or console output. Settable properties
/// so Dapper maps SQLite's integer do-not-contact flag and the servers' booleans alike.
/// </summary>
internal sealed class PatientContactRow
{
    public string PatientId { get; init; } = "";

    public string FirstName { get; init; } = "";

    public string LastName { get; init; } = "";

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? PreferredChannel { get; init; }

    public bool DoNotContact { get; init; }

    /// <summary>"First Last", as front desk reads it.</summary>
    public string FullName => $"{FirstName} {LastName}".Trim();
}
