using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// Reads the contact details of a clinic's flagged patients: one query by clinic, streamed, keeping only
/// the patients asked for, so memory holds the flagged patients and never the whole clinic. (A list of
/// thousands of ids in the query itself would hit SQL Server's 2,100-parameter limit.)
/// </summary>
internal sealed class PatientContactReader : ISqlStatements
{
    private const string ClinicContactsSql = """
        SELECT patient_id AS PatientId, first_name AS FirstName, last_name AS LastName, phone AS Phone,
               email AS Email, preferred_channel AS PreferredChannel, do_not_contact AS DoNotContact,
               deceased_on AS DeceasedOn, allow_phone AS AllowPhone, allow_sms AS AllowSms, allow_email AS AllowEmail
        FROM patients
        WHERE clinic_id = @ClinicId
        ORDER BY patient_id
        """;

    private readonly AnalyticsDatabase _database;

    public PatientContactReader(AnalyticsDatabase database)
    {
        _database = database;
    }

    /// <summary>The contact details of those of <paramref name="patientIds"/> that are patients of the clinic, by patient id.</summary>
    public async Task<IReadOnlyDictionary<string, PatientContactRow>> ReadAsync(
        string clinicId, IReadOnlySet<string> patientIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patientIds);
        var contacts = new Dictionary<string, PatientContactRow>(StringComparer.Ordinal);
        if (patientIds.Count == 0)
        {
            return contacts;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = connection.QueryRowsAsync<PatientContactRow>(ClinicContactsSql, new Dictionary<string, object> { ["ClinicId"] = clinicId }, cancellationToken);
        await foreach (var row in rows)
        {
            if (patientIds.Contains(row.PatientId))
            {
                contacts[row.PatientId] = row;
            }
        }

        return contacts;
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("contacts.clinic", ClinicContactsSql);
    }
}

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

    public DateOnly? DeceasedOn { get; init; }

    public bool AllowPhone { get; init; } = true;

    public bool AllowSms { get; init; } = true;

    public bool AllowEmail { get; init; } = true;

    /// <summary>Whether and how the patient may be reached (the rule is <see cref="ContactConsent"/>'s).</summary>
    public ContactConsent Consent => new(DoNotContact, DeceasedOn, AllowPhone, AllowSms, AllowEmail);

    /// <summary>"First Last", as front desk reads it.</summary>
    public string FullName => $"{FirstName} {LastName}".Trim();
}
