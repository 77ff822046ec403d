using System.Data.Common;
using Dapper;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>Counts the rows of the clinic data tables, for summaries ("what the database holds now").</summary>
internal sealed class ClinicDataCounter : ISqlStatements
{
    private const string CountSql = """
        SELECT
            (SELECT COUNT(*) FROM clinics) AS Clinics,
            (SELECT COUNT(*) FROM providers) AS Providers,
            (SELECT COUNT(*) FROM patients) AS Patients,
            (SELECT COUNT(*) FROM episodes) AS Episodes,
            (SELECT COUNT(*) FROM appointments) AS Appointments
        """;

    public static async Task<ClinicDataCounts> CountAsync(AnalyticsDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await CountAsync(connection, null, cancellationToken);
    }

    public static Task<ClinicDataCounts> CountAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        connection.QuerySingleAsync<ClinicDataCounts>(new CommandDefinition(CountSql, transaction: transaction, cancellationToken: cancellationToken));

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("count", CountSql);
    }
}

/// <summary>How many rows each clinic data table holds. Settable properties: Dapper maps every database's count type into them.</summary>
internal sealed class ClinicDataCounts
{
    public long Clinics { get; init; }

    public long Providers { get; init; }

    public long Patients { get; init; }

    public long Episodes { get; init; }

    public long Appointments { get; init; }

    /// <summary>The counts with their table names, in dependency order.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByTable =>
    [
        new("clinics", Clinics),
        new("providers", Providers),
        new("patients", Patients),
        new("episodes", Episodes),
        new("appointments", Appointments),
    ];
}
