using Dapper;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>The clinics a scheduled job fans out to, in id order.</summary>
public sealed class ScheduledClinicReader : ISqlStatements
{
    private const string SelectClinics = """
        SELECT clinic_id AS ClinicId, name AS Name, time_zone AS TimeZone
        FROM clinics
        ORDER BY clinic_id
        """;

    private readonly AnalyticsDatabase _database;

    public ScheduledClinicReader(AnalyticsDatabase database)
    {
        _database = database;
    }

    public async Task<IReadOnlyList<ClinicRow>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var clinics = await connection.QueryAsync<ClinicRow>(new CommandDefinition(SelectClinics, cancellationToken: cancellationToken));
        return clinics.AsList();
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("clinics", SelectClinics);
    }
}
