using System.Data.Common;
using System.Text;
using DbUp;
using DbUp.Builder;
using DbUp.Engine.Output;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// Everything that differs between the three databases, in one place: how to connect, how to upsert, how
/// to migrate. All other SQL in the code base is written once and runs on all three.
/// </summary>
internal sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(DatabaseProvider.Sqlite, "sqlite");
    public static readonly SqlDialect Postgres = new(DatabaseProvider.Postgres, "postgres");
    public static readonly SqlDialect SqlServer = new(DatabaseProvider.SqlServer, "sqlserver");

    private SqlDialect(DatabaseProvider provider, string name)
    {
        Provider = provider;
        Name = name;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The provider's name on the command line and the folder of its scripts under <c>sql/</c>.</summary>
    public string Name { get; }

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => Sqlite,
        DatabaseProvider.Postgres => Postgres,
        DatabaseProvider.SqlServer => SqlServer,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public DbConnection CreateConnection(string connectionString) => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(connectionString),
        DatabaseProvider.Postgres => new NpgsqlConnection(connectionString),
        _ => new SqlConnection(connectionString),
    };

    /// <summary>
    /// Whether a batch of statements is prepared before it runs. PostgreSQL plans every unprepared
    /// statement anew; prepared once per connection, a batch of identical upserts is only executed (about
    /// half the server time of a large import). SQL Server caches plans by itself.
    /// </summary>
    public bool PreparesBatches => Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// PostgreSQL: rows of a large set go in by binary COPY (<see cref="InsertTarget{TRow}"/>), new ones
    /// straight into their table, upserted ones through a staging table (<see cref="StagedUpsert"/>): a
    /// fraction of the server's work of a statement per row. SQLite is in-process and SQL Server batches well.
    /// </summary>
    internal bool CopiesRows => Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// Settings for a connection about to write many rows in one transaction, or null when the database
    /// needs none. SQLite: statement journals in memory (with foreign keys on, every upsert writes one, and
    /// in a temporary file that is a system call per page) and a page cache of
    /// <paramref name="cacheMegabytes"/>, so the index pages a large import keeps touching stay in memory
    /// instead of being written out and read back. Bounded: neither grows with the number of rows.
    /// </summary>
    public string? BulkWriteSettings(int cacheMegabytes) => Provider == DatabaseProvider.Sqlite
        ? $"PRAGMA temp_store = MEMORY; PRAGMA cache_size = -{cacheMegabytes * 1024}"
        : null;

    /// <summary>Undoes <see cref="BulkWriteSettings"/> before the connection goes back to the pool, or null.</summary>
    public string? DefaultWriteSettings => Provider == DatabaseProvider.Sqlite
        ? "PRAGMA temp_store = DEFAULT; PRAGMA cache_size = -2000"
        : null;

    /// <summary>
    /// An insert-or-update by key that leaves an identical row untouched, so its affected-row count tells
    /// "new or changed" from "already there". Parameters are the columns in PascalCase
    /// (<c>clinic_id</c> binds <c>@ClinicId</c>), matching the row records Dapper passes.
    /// </summary>
    public string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns)
    {
        if (Provider == DatabaseProvider.SqlServer)
        {
            var valueColumns = columns.Where(column => !keyColumns.Contains(column)).ToList();
            var columnList = string.Join(", ", columns);
            var sourceColumns = string.Join(", ", columns.Select(column => $"@{ToParameterName(column)} AS {column}"));
            var match = string.Join(" AND ", keyColumns.Select(column => $"target.{column} = source.{column}"));
            var targetValues = string.Join(", ", valueColumns.Select(column => $"target.{column}"));
            var sourceValues = string.Join(", ", valueColumns.Select(column => $"source.{column}"));
            var assignments = string.Join(", ", valueColumns.Select(column => $"{column} = source.{column}"));
            var sourceInsert = string.Join(", ", columns.Select(column => $"source.{column}"));
            // EXCEPT compares NULLs as equal, which is exactly "has anything changed".
            return $"""
                MERGE dbo.{table} WITH (HOLDLOCK) AS target
                USING (SELECT {sourceColumns}) AS source
                ON {match}
                WHEN MATCHED AND EXISTS (SELECT {sourceValues} EXCEPT SELECT {targetValues}) THEN
                    UPDATE SET {assignments}
                WHEN NOT MATCHED THEN
                    INSERT ({columnList}) VALUES ({sourceInsert});
                """;
        }

        var parameterList = string.Join(", ", columns.Select(column => "@" + ToParameterName(column)));
        return InsertOnConflict(table, keyColumns, columns, $"VALUES ({parameterList})");
    }

    /// <summary>
    /// PostgreSQL's bulk form of <see cref="Upsert"/>: a batch comes by binary COPY into a temporary staging
    /// table shaped like <paramref name="table"/> and goes on from there in ONE statement by the same rule
    /// (an identical row is left untouched, so the affected-row count still means "new or changed"), at a
    /// fraction of the server's work of a statement per row. Only where <see cref="CopiesRows"/>; the
    /// batch must hold each key once (<see cref="InsertTarget{TRow}.LastOfEachKey"/>).
    /// </summary>
    /// <param name="staging">The staging table's name: one per set of columns, as one transaction may write a table both ways.</param>
    internal StagedUpsertSql StagedUpsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns, string? staging = null)
    {
        if (!CopiesRows)
        {
            throw new NotSupportedException($"On {Name} rows are upserted one by one ({nameof(Upsert)}); only PostgreSQL stages them.");
        }

        staging ??= "staging_" + table;
        var columnList = string.Join(", ", columns);
        return new StagedUpsertSql(
            staging,
            // AS SELECT ... WITH NO DATA takes the columns' types (varchar(64), timestamp(0)) and none of
            // the table's constraints, so a value the table refuses (NULL, foreign key, check) is refused by
            // the table itself, in the same words as row by row. Temporary and dropped with the transaction,
            // so nothing is left behind on a pooled connection; IF NOT EXISTS lets a second writer in the same
            // transaction reuse it (each empties it after its batch).
            $"CREATE TEMP TABLE IF NOT EXISTS {staging} ON COMMIT DROP AS SELECT {columnList} FROM {table} WITH NO DATA",
            InsertOnConflict(table, keyColumns, columns, $"SELECT {columnList} FROM {staging}"),
            // TRUNCATE, not DELETE: a table created in this transaction is emptied in place, where DELETE
            // would keep every batch's rows as dead ones until the transaction ends.
            $"TRUNCATE {staging}");
    }

    /// <summary>SQLite's and PostgreSQL's upsert of the rows of <paramref name="source"/> (VALUES or a SELECT).</summary>
    private string InsertOnConflict(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns, string source)
    {
        var valueColumns = columns.Where(column => !keyColumns.Contains(column)).ToList();
        var distinct = Provider == DatabaseProvider.Postgres ? "IS DISTINCT FROM" : "IS NOT";
        var updates = string.Join(", ", valueColumns.Select(column => $"{column} = excluded.{column}"));
        var changed = string.Join(" OR ", valueColumns.Select(column => $"{table}.{column} {distinct} excluded.{column}"));
        var sql = new StringBuilder()
            .Append($"INSERT INTO {table} ({string.Join(", ", columns)}) {source} ON CONFLICT ({string.Join(", ", keyColumns)}) ");
        sql.Append(valueColumns.Count == 0
            ? "DO NOTHING"
            : $"DO UPDATE SET {updates} WHERE {changed}");
        return sql.ToString();
    }

    /// <summary>
    /// What a DBA runs after loading or replacing many rows, or null when the database needs nothing:
    /// PostgreSQL's VACUUM (ANALYZE) sets the visibility map the index-only history scans rely on, clears
    /// dead rows and refreshes the planner's statistics; left to autovacuum, that work lands at an
    /// unpredictable moment later, such as in the middle of a measurement. It cannot run in a transaction.
    /// </summary>
    internal string? SettleAfterBulkWrites => Provider == DatabaseProvider.Postgres ? "VACUUM (ANALYZE)" : null;

    /// <summary>
    /// Ends an ordered SELECT so it returns at most <paramref name="countParameter"/> rows: <c>LIMIT</c> on
    /// SQLite and PostgreSQL, <c>OFFSET ... FETCH</c> on SQL Server (which needs the ORDER BY it follows).
    /// </summary>
    public string FirstRows(string countParameter) => Provider == DatabaseProvider.SqlServer
        ? $"OFFSET 0 ROWS FETCH NEXT {countParameter} ROWS ONLY"
        : $"LIMIT {countParameter}";

    /// <summary>
    /// "Column is one of the values in the list parameter": Dapper expands <c>IN @List</c> into one
    /// parameter per value on SQLite and SQL Server, but hands PostgreSQL the list as one array, which
    /// needs <c>= ANY(@List)</c>.
    /// </summary>
    public string InList(string listParameter) => Provider == DatabaseProvider.Postgres
        ? $"= ANY({listParameter})"
        : $"IN {listParameter}";

    /// <summary><c>clinic_id</c> → <c>ClinicId</c>: the property of a row record that feeds a column.</summary>
    public static string ToParameterName(string column)
    {
        var name = new StringBuilder(column.Length);
        var upper = true;
        foreach (var character in column)
        {
            if (character == '_')
            {
                upper = true;
                continue;
            }

            name.Append(upper ? char.ToUpperInvariant(character) : character);
            upper = false;
        }

        return name.ToString();
    }

    internal UpgradeEngineBuilder MigrationsFor(string connectionString) => Provider switch
    {
        DatabaseProvider.Sqlite => DeployChanges.To.SqliteDatabase(connectionString),
        DatabaseProvider.Postgres => DeployChanges.To.PostgresqlDatabase(connectionString),
        _ => DeployChanges.To.SqlDatabase(connectionString),
    };

    /// <summary>
    /// Creates the server database the connection string names when it is not there (DbUp's
    /// EnsureDatabase, through the server's maintenance database). SQLite creates its file on first open.
    /// </summary>
    internal void CreateDatabaseIfMissing(string connectionString)
    {
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                EnsureDatabase.For.PostgresqlDatabase(connectionString, new NoOpUpgradeLog());
                break;
            case DatabaseProvider.SqlServer:
                EnsureDatabase.For.SqlDatabase(connectionString, new NoOpUpgradeLog());
                break;
        }
    }

    public override string ToString() => Name;
}
