using Dapper;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Analysis;

/// <summary>
/// The patients front desk recorded as <c>do_not_contact</c>, kept in the service's own table so a
/// re-import of patients.csv from the clinic software cannot undo it. The retention analysis treats
/// them exactly like the clinic software's own do-not-contact patients: never flagged, so never on a
/// list, in a flags file or in a count of patients to call.
/// </summary>
internal sealed class OutreachDoNotContact : ISqlStatements
{
    private const string AllSql = "SELECT patient_id FROM outreach_do_not_contact";

    /// <summary>The do-not-contact patients of one clinic (by the patient's clinic today).</summary>
    internal const string ClinicSql = """
        SELECT d.patient_id
        FROM outreach_do_not_contact d
        INNER JOIN patients p ON p.patient_id = d.patient_id
        WHERE p.clinic_id = @ClinicId
        """;

    /// <summary>The ids of do-not-contact patients (of one clinic's patients when <paramref name="clinicId"/> is given).</summary>
    public static async Task<IReadOnlySet<string>> PatientIdsAsync(AnalyticsDatabase database, string? clinicId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = clinicId is null
            ? await connection.QueryAsync<string>(new CommandDefinition(AllSql, cancellationToken: cancellationToken))
            : await connection.QueryAsync<string>(new CommandDefinition(ClinicSql, new { ClinicId = clinicId }, cancellationToken: cancellationToken));
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("all", AllSql);
        yield return new("clinic", ClinicSql);
    }
}
