using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// The configured database: its dialect and connection string. Opening a connection makes sure, once per
/// process, that the schema is current (migrated on first use, or refused with a message to run
/// <c>db migrate</c>).
/// </summary>
internal sealed class AnalyticsDatabase
{
    private readonly bool _migrateOnFirstUse;
    private readonly SemaphoreSlim _schemaCheck = new(1, 1);
    private volatile bool _schemaIsCurrent;

    public AnalyticsDatabase(SqlDialect dialect, string connectionString, bool migrateOnFirstUse)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
        _migrateOnFirstUse = migrateOnFirstUse;
        DapperConfiguration.EnsureConfigured();
    }

    public SqlDialect Dialect { get; }

    public DatabaseProvider Provider => Dialect.Provider;

    public string ConnectionString { get; }

    /// <summary>Rows per round trip for stores writing many rows (<see cref="DatabaseOptions.WriteBatchRows"/>).</summary>
    public int WriteBatchRows { get; init; } = new DatabaseOptions().WriteBatchRows;

    /// <summary>Writes many rows on <paramref name="connection"/> in batches of <see cref="WriteBatchRows"/>.</summary>
    internal RowBatchWriter RowWriter(DbConnection connection, DbTransaction? transaction) =>
        new(connection, transaction, Dialect, WriteBatchRows);

    /// <summary>Where the data lives, fit for a log line or a console: never a password.</summary>
    public string Description => Provider switch
    {
        DatabaseProvider.Sqlite => $"sqlite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
        DatabaseProvider.Postgres => DescribePostgres(ConnectionString),
        _ => DescribeSqlServer(ConnectionString),
    };

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaIsCurrentAsync(cancellationToken);
        return await OpenWithoutSchemaCheckAsync(cancellationToken);
    }

    internal async Task<DbConnection> OpenWithoutSchemaCheckAsync(CancellationToken cancellationToken)
    {
        var connection = Dialect.CreateConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or ArgumentException)
        {
            await connection.DisposeAsync();
            throw new UserInputException(
                $"Could not connect to {Description}: {exception.Message} " +
                "Check Database:ConnectionString (or --connection) and that the server is running.",
                exception);
        }

        return connection;
    }

    public async Task EnsureSchemaIsCurrentAsync(CancellationToken cancellationToken = default)
    {
        if (_schemaIsCurrent)
        {
            return;
        }

        await _schemaCheck.WaitAsync(cancellationToken);
        try
        {
            if (_schemaIsCurrent)
            {
                return;
            }

            var migrator = new SchemaMigrator(this);
            var pending = await migrator.AllScriptsRecordedAsync(cancellationToken) ? [] : migrator.PendingScripts();
            if (pending.Count > 0)
            {
                if (!_migrateOnFirstUse)
                {
                    throw new UserInputException(
                        $"The database {Description} is missing {pending.Count} schema script(s) " +
                        $"(first: {pending[0]}). Run `ptanalytics db migrate --provider {Dialect.Name} " +
                        "--connection \"...\"` before using it.");
                }

                migrator.Migrate();
            }

            if (Provider == DatabaseProvider.Sqlite)
            {
                await UseWriteAheadLogAsync(cancellationToken);
            }

            _schemaIsCurrent = true;
        }
        finally
        {
            _schemaCheck.Release();
        }
    }

    /// <summary>
    /// WAL lets the nightly read of every history run while an import commits, instead of one waiting on
    /// the other until the busy timeout. The mode is stored in the file, so setting it once is enough.
    /// </summary>
    private async Task UseWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenWithoutSchemaCheckAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string DescribePostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgres {builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static string DescribeSqlServer(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        return $"sqlserver {builder.DataSource}/{builder.InitialCatalog}";
    }
}
