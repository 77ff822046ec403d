using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using PhysicalTheraPT.Analytics.Import;

namespace PhysicalTheraPT.Analytics.Sources;

/// <summary>
/// <c>database</c>: a practice database read through Dapper, one query per contract table
/// (<c>Queries:Clinics</c> ... <c>Queries:Appointments</c>), each read as an unbuffered stream on one
/// connection, so memory does not grow with the source. The queries are the DBA's: they may read views,
/// rename columns with AS, and must return the contract's column names. Nothing is ever written to the
/// source (SQLite sources are even opened read-only).
/// </summary>
internal sealed class DatabaseSourceKind : ISourceKind
{
    public static readonly IReadOnlyList<string> Providers = ["sqlserver", "postgres", "mysql", "sqlite"];

    public string Kind => SourceKinds.Database;

    public void Validate(SourceOptions source, int index)
    {
        RequireConnection(source, index);
        foreach (var table in ContractFile.InDependencyOrder.Where(table => table != ContractFile.Episodes))
        {
            if (string.IsNullOrWhiteSpace(QueryFor(source.Queries, table)))
            {
                throw new UserInputException(
                    $"Sources:{index}:Queries:{QueryName(table)} is not set. A database source needs one query per table " +
                    "(Clinics, Providers, Patients, Appointments; Episodes optional), each returning the contract's columns; see docs/sources.md.");
            }
        }
    }

    public async Task<IClinicDataSource> OpenAsync(SourceOptions source, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(source, cancellationToken);
        return new QueriedSource(connection, table => QueryFor(source.Queries, table), source.CommandTimeoutSeconds);
    }

    /// <summary>Checks Provider and ConnectionString; also for kinds built on this one (openemr).</summary>
    public static void RequireConnection(SourceOptions source, int index)
    {
        if (source.Provider is null || !Providers.Contains(source.Provider, StringComparer.OrdinalIgnoreCase))
        {
            throw new UserInputException($"Sources:{index}:Provider is '{source.Provider}'; it must be one of {string.Join(", ", Providers)} (mysql also reads MariaDB).");
        }

        if (string.IsNullOrWhiteSpace(source.ConnectionString))
        {
            throw new UserInputException($"Sources:{index}:ConnectionString is not set. Give the practice database's connection string (a read-only user is enough).");
        }

        if (source.CommandTimeoutSeconds < 1)
        {
            throw new UserInputException($"Sources:{index}:CommandTimeoutSeconds must be 1 or more (default 600).");
        }
    }

    /// <summary>Opens a connection to the source's database; its failures are the caller's to translate (<see cref="SourceErrors"/>).</summary>
    public static async Task<DbConnection> OpenConnectionAsync(SourceOptions source, CancellationToken cancellationToken)
    {
        DbConnection connection = source.Provider!.ToLowerInvariant() switch
        {
            "postgres" => new NpgsqlConnection(source.ConnectionString),
            "mysql" => new MySqlConnection(source.ConnectionString),
            "sqlserver" => new SqlConnection(source.ConnectionString),
            _ => new SqliteConnection(new SqliteConnectionStringBuilder(source.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString()),
        };
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The query's setting name: clinics.csv → Clinics.</summary>
    public static string QueryName(ContractFile table) =>
        char.ToUpperInvariant(table.FileName[0]) + table.FileName[1..^".csv".Length];

    private static string? QueryFor(SourceQueries queries, ContractFile table) =>
        table == ContractFile.Clinics ? queries.Clinics
        : table == ContractFile.Providers ? queries.Providers
        : table == ContractFile.Patients ? queries.Patients
        : table == ContractFile.Episodes ? queries.Episodes
        : queries.Appointments;

    /// <summary>A source that runs one SQL query per table on one open connection.</summary>
    internal sealed class QueriedSource(DbConnection connection, Func<ContractFile, string?> queryFor, int commandTimeoutSeconds) : IClinicDataSource
    {
        public async Task<SourceTable?> OpenTableAsync(ContractFile table, CancellationToken cancellationToken)
        {
            var sql = queryFor(table);
            if (string.IsNullOrWhiteSpace(sql))
            {
                return null;
            }

            // Unbuffered: rows are read as the server sends them, never collected.
            var command = new CommandDefinition(sql, commandTimeout: commandTimeoutSeconds, flags: CommandFlags.None, cancellationToken: cancellationToken);
            var reader = await connection.ExecuteReaderAsync(command, CommandBehavior.SingleResult);
            return SourceTable.FromReader(reader, owned: null);
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
