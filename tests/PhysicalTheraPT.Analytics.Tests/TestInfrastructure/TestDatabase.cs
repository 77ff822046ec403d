using Dapper;
using Microsoft.Data.SqlClient;
using Npgsql;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// A fresh, migrated database of one provider for one test: a SQLite file in a temporary folder, or a
/// new database on the PostgreSQL (or SQL Server) test server, dropped again on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDisposable
{
    private readonly string? _serverDatabaseName;
    private readonly string? _sqliteDirectory;

    private TestDatabase(AnalyticsDatabase database, string? serverDatabaseName, string? sqliteDirectory)
    {
        Database = database;
        _serverDatabaseName = serverDatabaseName;
        _sqliteDirectory = sqliteDirectory;
    }

    internal AnalyticsDatabase Database { get; }

    public DatabaseProvider Provider => Database.Provider;

    /// <summary>A SQLite file path (for <c>--db</c>) or null for a server.</summary>
    public string? SqlitePath => _sqliteDirectory is null ? null : Path.Combine(_sqliteDirectory, "test.db");

    /// <summary>The command-line arguments that point a <c>ptanalytics</c> command at this database.</summary>
    public string[] CommandLineArguments => Provider == DatabaseProvider.Sqlite
        ? ["--db", SqlitePath!]
        : ["--provider", Database.Dialect.Name, "--connection", Database.ConnectionString];

    public static TestDatabase Create(DatabaseProvider provider, bool migrate = true)
    {
        var database = provider switch
        {
            DatabaseProvider.Sqlite => CreateSqlite(),
            DatabaseProvider.Postgres => CreatePostgres(),
            _ => CreateSqlServer(),
        };

        if (migrate)
        {
            new SchemaMigrator(database.Database).Migrate();
        }

        return database;
    }

    public static TestDatabase CreateSqlite(bool migrate = true) => Create(DatabaseProvider.Sqlite, migrate);

    private static TestDatabase CreateSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pta-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = DatabaseSelection.Resolve(new DatabaseOptions { Provider = "sqlite", Path = Path.Combine(directory, "test.db") });
        return new TestDatabase(database, null, directory);
    }

    private static TestDatabase CreatePostgres()
    {
        var name = "pta_test_" + Guid.NewGuid().ToString("N");
        using (var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            admin.Execute($"CREATE DATABASE {name}");
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = name };
        var database = new AnalyticsDatabase(SqlDialect.Postgres, builder.ToString(), migrateOnFirstUse: false);
        return new TestDatabase(database, name, null);
    }

    private static TestDatabase CreateSqlServer()
    {
        var adminConnectionString = Environment.GetEnvironmentVariable(SqlServerFactAttribute.EnvironmentVariable)!;
        var name = "pta_test_" + Guid.NewGuid().ToString("N");
        using (var admin = new SqlConnection(adminConnectionString))
        {
            admin.Execute($"CREATE DATABASE [{name}]");
        }

        var builder = new SqlConnectionStringBuilder(adminConnectionString) { InitialCatalog = name };
        var database = new AnalyticsDatabase(SqlDialect.SqlServer, builder.ToString(), migrateOnFirstUse: false);
        return new TestDatabase(database, name, null);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; a failed test because of it is not.
            }

            return;
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {_serverDatabaseName} WITH (FORCE)");
        }
        else
        {
            SqlConnection.ClearAllPools();
            await using var admin = new SqlConnection(Environment.GetEnvironmentVariable(SqlServerFactAttribute.EnvironmentVariable));
            await admin.ExecuteAsync($"ALTER DATABASE [{_serverDatabaseName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_serverDatabaseName}]");
        }
    }
}
