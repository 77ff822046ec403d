using System.Data.Common;
using System.Reflection;
using Dapper;
using Npgsql;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// Runs one statement once per row, inside the caller's transaction, in as few round trips as the
/// database allows: on a server, one <see cref="DbBatch"/> per <c>rowsPerRoundTrip</c> rows (a hundred
/// thousand PostgreSQL rows one at a time spend their time waiting on the network); on SQLite, which is
/// in-process and has no round trip to save, Dapper runs them all on one command. The statement and its
/// parameters are the same either way: the row's properties bind as <c>@PropertyName</c>. Rows of an
/// <see cref="InsertTarget{TRow}"/> go in by <see cref="InsertAsync"/> or <see cref="UpsertAsync"/>,
/// which on PostgreSQL send them by binary COPY instead.
/// </summary>
internal sealed class RowBatchWriter
{
    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly SqlDialect _dialect;
    private readonly int _rowsPerRoundTrip;

    // PostgreSQL's staging tables this writer has created in its transaction, by target table.
    private readonly Dictionary<string, StagedUpsertSql> _stagedUpserts = new(StringComparer.Ordinal);

    /// <param name="rowsPerRoundTrip">
    /// The most rows one batch carries, so a batch's commands and parameters stay bounded whatever the
    /// caller passes; <see cref="int.MaxValue"/> when the caller already hands over bounded batches.
    /// </param>
    public RowBatchWriter(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, int rowsPerRoundTrip = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerRoundTrip, 1);
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
        _rowsPerRoundTrip = rowsPerRoundTrip;
    }

    /// <summary>Runs <paramref name="sql"/> for every row; returns the rows the database reports affected.</summary>
    public async Task<int> ExecuteAsync<TRow>(string sql, IEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        if (!_connection.CanCreateBatch)
        {
            var command = new CommandDefinition(sql, rows, _transaction, cancellationToken: cancellationToken);
            return await _connection.ExecuteAsync(command);
        }

        var affected = 0;
        DbBatch? batch = null;
        try
        {
            foreach (var row in rows)
            {
                batch ??= NewBatch();
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                RowParameters<TRow>.AddTo(command, row);
                batch.BatchCommands.Add(command);
                if (batch.BatchCommands.Count == _rowsPerRoundTrip)
                {
                    affected += await SendAsync(batch, cancellationToken);
                    batch = null;
                }
            }

            if (batch is not null)
            {
                affected += await SendAsync(batch, cancellationToken);
                batch = null;
            }
        }
        finally
        {
            if (batch is not null)
            {
                await batch.DisposeAsync();
            }
        }

        return affected;
    }

    /// <summary>
    /// Inserts new rows into <paramref name="target"/>: on PostgreSQL by binary COPY, elsewhere by running
    /// its INSERT for every row as <see cref="ExecuteAsync"/> does. Returns the rows inserted.
    /// </summary>
    public async Task<int> InsertAsync<TRow>(InsertTarget<TRow> target, IReadOnlyCollection<TRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return 0;
        }

        return _dialect.CopiesRows
            ? await target.CopyAsync((NpgsqlConnection)_connection, target.Table, rows, cancellationToken)
            : await ExecuteAsync(target.InsertSql, rows, cancellationToken);
    }

    /// <summary>
    /// Inserts or updates rows of <paramref name="target"/> by key, leaving an identical row untouched;
    /// returns the rows new or changed. On PostgreSQL the batch goes by binary COPY into a staging table
    /// and from there into the table in one statement (<see cref="SqlDialect.StagedUpsert"/>); when a key
    /// comes more than once, the last row wins, as it does elsewhere, where the upsert runs for every row
    /// as <see cref="ExecuteAsync"/> does (then each copy counts). Pass bounded batches: on PostgreSQL
    /// one is held in memory.
    /// </summary>
    public async Task<int> UpsertAsync<TRow>(InsertTarget<TRow> target, IEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rows);
        if (!_dialect.CopiesRows)
        {
            return await ExecuteAsync(target.UpsertSql(_dialect), rows, cancellationToken);
        }

        var batch = target.LastOfEachKey(rows as IReadOnlyCollection<TRow> ?? rows.ToList());
        if (batch.Count == 0)
        {
            return 0;
        }

        if (!_stagedUpserts.TryGetValue(target.Name, out var staged))
        {
            staged = target.StagedUpsertSql(_dialect);
            await RunAsync(staged.CreateStagingTable, cancellationToken);
            _stagedUpserts.Add(target.Name, staged);
        }

        await target.CopyAsync((NpgsqlConnection)_connection, staged.StagingTable, batch, cancellationToken);
        var newOrChanged = await RunAsync(staged.UpsertFromStaging, cancellationToken);
        await RunAsync(staged.EmptyStagingTable, cancellationToken);
        return newOrChanged;
    }

    private Task<int> RunAsync(string sql, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(new CommandDefinition(sql, transaction: _transaction, cancellationToken: cancellationToken));

    private DbBatch NewBatch()
    {
        var batch = _connection.CreateBatch();
        batch.Transaction = _transaction;
        return batch;
    }

    /// <summary>Sends and disposes one batch.</summary>
    private async Task<int> SendAsync(DbBatch batch, CancellationToken cancellationToken)
    {
        await using (batch)
        {
            if (_dialect.PreparesBatches)
            {
                await batch.PrepareAsync(cancellationToken);
            }

            return await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>
/// Binds a row record's properties as command parameters named after them (<c>ClinicId</c> feeds
/// <c>@ClinicId</c>), as Dapper does, for the batched path of <see cref="RowBatchWriter"/>, where Dapper
/// cannot reach: a <see cref="DbBatchCommand"/> per row.
/// </summary>
internal static class RowParameters<TRow>
{
    private static readonly (string Name, Func<TRow, object?> Value)[] Properties = typeof(TRow)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(property => property.GetIndexParameters().Length == 0)
        .Select(property => (property.Name, (Func<TRow, object?>)(row => property.GetValue(row))))
        .ToArray();

    public static void AddTo(DbBatchCommand command, TRow row)
    {
        foreach (var (name, value) in Properties)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value(row) ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }
}

/// <summary>
/// The statements of PostgreSQL's upsert of a batch through a staging table
/// (<see cref="SqlDialect.StagedUpsert"/>), in the order they run: the staging table is created once per
/// transaction, then each batch is copied into it, upserted from it and emptied out of it.
/// </summary>
internal sealed record StagedUpsertSql(string StagingTable, string CreateStagingTable, string UpsertFromStaging, string EmptyStagingTable);
