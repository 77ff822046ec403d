using System.Data.Common;
using Dapper;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// One migrated database per provider for all the tests of a class (<c>IClassFixture</c>), emptied before
/// each test by <see cref="ResetAsync"/>, as Hangfire's CleanDatabase and ContosoUniversity's SliceFixture
/// do: migrating a database per test costs more than the test. The tests of a class run one at a time, so
/// each starts from an empty, migrated database. A test that needs a database of its own (an unmigrated
/// one, one it breaks or drops, a process that holds it open) keeps using <see cref="TestDatabase"/>.
/// </summary>
public sealed class SharedDatabaseFixture : IAsyncDisposable, IDisposable
{
    private readonly Dictionary<DatabaseProvider, TestDatabase> _databases = [];

    /// <summary>The provider's database with every row of every table deleted (the schema journal kept).</summary>
    public async Task<TestDatabase> ResetAsync(DatabaseProvider provider)
    {
        if (!_databases.TryGetValue(provider, out var database))
        {
            database = TestDatabase.Create(provider);
            _databases[provider] = database;
            return database;
        }

        await using var connection = await database.Database.OpenAsync(CancellationToken.None);
        await DeleteAllRowsAsync(connection, provider);
        return database;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases.Values)
        {
            await database.DisposeAsync();
        }

        _databases.Clear();
    }

    private static async Task DeleteAllRowsAsync(DbConnection connection, DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                // Foreign keys off for the reset only, so the order of the tables does not matter; the
                // sequences go too, so generated ids start again at 1 as in a new database.
                var sqliteTables = await connection.QueryAsync<string>(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'SchemaVersions'");
                var deletes = string.Concat(sqliteTables.Select(table => $"DELETE FROM \"{table}\";"));
                var sequences = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'") > 0
                    ? "DELETE FROM sqlite_sequence;"
                    : "";
                await connection.ExecuteAsync($"PRAGMA foreign_keys = OFF; {deletes} {sequences} PRAGMA foreign_keys = ON;");
                break;
            case DatabaseProvider.Postgres:
                var postgresTables = await connection.QueryAsync<string>(
                    "SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schemaversions'");
                await connection.ExecuteAsync($"TRUNCATE {string.Join(", ", postgresTables)} RESTART IDENTITY CASCADE");
                break;
            default:
                throw new NotSupportedException($"No shared database for {provider}: use TestDatabase.");
        }
    }
}
