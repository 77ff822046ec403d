using System.Data.Common;
using Dapper;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// Makes the store's copy of some clinics equal to a source's, inside the caller's transaction, after the
/// source's rows were upserted (<see cref="ClinicDataWriter"/>): finds the rows of those clinics whose id
/// the source no longer returned and removes them, children first. A row this service still needs is kept:
/// an episode, patient or provider that an appointment or episode still refers to (of a clinic outside
/// the sync), and a patient with outreach history here (front desk's outcomes and do-not-contact outlive
/// any source). Clinics themselves are never removed, only emptied: runs, snapshots and queues name them.
/// Counts before and after tell new rows from changed ones.
/// </summary>
internal sealed class ClinicDataMirror : ISqlStatements
{
    /// <summary>The mirrored tables, children first: the order rows are removed in.</summary>
    public static readonly IReadOnlyList<MirrorTable> RemovalOrder =
    [
        new("appointments", "appointment_id", """
            DELETE FROM appointments WHERE appointment_id = @Id
            """),
        new("episodes", "episode_id", """
            DELETE FROM episodes
            WHERE episode_id = @Id
              AND NOT EXISTS (SELECT 1 FROM appointments WHERE appointments.episode_id = @Id)
            """),
        new("patients", "patient_id", """
            DELETE FROM patients
            WHERE patient_id = @Id
              AND NOT EXISTS (SELECT 1 FROM appointments WHERE appointments.patient_id = @Id)
              AND NOT EXISTS (SELECT 1 FROM episodes WHERE episodes.patient_id = @Id)
              AND NOT EXISTS (SELECT 1 FROM outreach_items WHERE outreach_items.patient_id = @Id)
              AND NOT EXISTS (SELECT 1 FROM outreach_outcomes WHERE outreach_outcomes.patient_id = @Id)
              AND NOT EXISTS (SELECT 1 FROM outreach_do_not_contact WHERE outreach_do_not_contact.patient_id = @Id)
            """),
        new("providers", "provider_id", """
            DELETE FROM providers
            WHERE provider_id = @Id
              AND NOT EXISTS (SELECT 1 FROM appointments WHERE appointments.provider_id = @Id)
            """),
    ];

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly RowBatchWriter _rows;
    private readonly SqlDialect _dialect;

    public ClinicDataMirror(DbConnection connection, DbTransaction transaction, SqlDialect dialect, int rowsPerRoundTrip)
    {
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
        _rows = new RowBatchWriter(connection, transaction, dialect, rowsPerRoundTrip);
    }

    /// <summary>Rows in <paramref name="table"/> (all clinics): counted before and after the upserts, the difference is the new rows.</summary>
    public Task<int> CountAsync(string table, CancellationToken cancellationToken) =>
        _connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT COUNT(*) FROM {Checked(table)}", transaction: _transaction, cancellationToken: cancellationToken));

    /// <summary>Appointments per clinic, for the guard against a broken source.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountAppointmentsAsync(CancellationToken cancellationToken)
    {
        var rows = await _connection.QueryAsync<(string ClinicId, int Count)>(new CommandDefinition(
            AppointmentsPerClinic, transaction: _transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.ClinicId, row => row.Count, StringComparer.Ordinal);
    }

    /// <summary>
    /// The rows of <paramref name="table"/> in <paramref name="clinicIds"/> the source did not return
    /// (<paramref name="returned"/> says which ids it did), read as a stream; with the clinic of each.
    /// </summary>
    public async Task<IReadOnlyList<(string Id, string ClinicId)>> FindMissingAsync(
        MirrorTable table, IReadOnlyCollection<string> clinicIds, Func<string, bool> returned, CancellationToken cancellationToken)
    {
        var missing = new List<(string, string)>();
        if (clinicIds.Count == 0)
        {
            return missing;
        }

        var command = new CommandDefinition(IdsOf(table, _dialect), new { ClinicIds = clinicIds.ToArray() }, _transaction, flags: CommandFlags.None, cancellationToken: cancellationToken);
        await using var reader = await _connection.ExecuteReaderAsync(command);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (!returned(id))
            {
                missing.Add((id, reader.GetString(1)));
            }
        }

        return missing;
    }

    /// <summary>Removes the rows by id (a row still needed is kept, see the class); returns the rows removed.</summary>
    public Task<int> RemoveAsync(MirrorTable table, IEnumerable<string> ids, CancellationToken cancellationToken) =>
        _rows.ExecuteAsync(table.DeleteSql, ids.Select(id => new IdParameter(id)), cancellationToken);

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("appointments per clinic", AppointmentsPerClinic);
        foreach (var table in RemovalOrder)
        {
            yield return new($"{table.Name} ids", ForParser(IdsOf(table, dialect)));
            yield return new($"{table.Name} delete", table.DeleteSql);
            yield return new($"{table.Name} count", $"SELECT COUNT(*) FROM {table.Name}");
        }
    }

    // Dapper expands the list into parameters before SQL Server sees it; the parser sees two of them.
    internal static string ForParser(string sql) => sql.Replace("IN @ClinicIds", "IN (@ClinicIds1, @ClinicIds2)", StringComparison.Ordinal);

    private const string AppointmentsPerClinic = """
        SELECT clinic_id AS ClinicId, COUNT(*) AS Count
        FROM appointments
        GROUP BY clinic_id
        """;

    private static string IdsOf(MirrorTable table, SqlDialect dialect) => $"""
        SELECT {table.IdColumn}, clinic_id
        FROM {table.Name}
        WHERE clinic_id {dialect.InList("@ClinicIds")}
        """;

    private static string Checked(string table) => table is "clinics" or "providers" or "patients" or "episodes" or "appointments"
        ? table
        : throw new ArgumentOutOfRangeException(nameof(table), table, "not a clinic data table");

    private sealed record IdParameter(string Id);
}

/// <summary>A table the mirror removes rows from: its name, id column, and the delete of one row by <c>@Id</c>.</summary>
internal sealed record MirrorTable(string Name, string IdColumn, string DeleteSql);
