using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// A clinic's own practice database for one test, on a real server: a new database on the PostgreSQL or
/// MariaDB test server, on SQL Server when <c>PTA_TEST_SQLSERVER</c> is set (or a SQLite file), with the <see cref="Provider"/> name and connection string a
/// <c>database</c> source is configured with; dropped again on dispose.
/// </summary>
internal sealed class ThrowawaySourceDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    private ThrowawaySourceDatabase(string provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    /// <summary>The source's Provider setting: postgres, mysql, sqlserver or sqlite.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public static async Task<ThrowawaySourceDatabase> CreateAsync(string provider)
    {
        var name = "pta_source_" + Guid.NewGuid().ToString("N")[..16];
        switch (provider)
        {
            case "postgres":
            {
                await using (var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString))
                {
                    await admin.ExecuteAsync($"CREATE DATABASE {name}");
                }

                var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = name, Pooling = false }.ToString();
                return new ThrowawaySourceDatabase(provider, connectionString, async () =>
                {
                    await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
                    await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                });
            }

            case "mysql":
            {
                await using (var admin = new MySqlConnection(MariaDbServer.AdminConnectionString))
                {
                    await admin.ExecuteAsync($"CREATE DATABASE {name} CHARACTER SET utf8mb4");
                }

                var connectionString = new MySqlConnectionStringBuilder(MariaDbServer.AdminConnectionString) { Database = name, Pooling = false }.ToString();
                return new ThrowawaySourceDatabase(provider, connectionString, async () =>
                {
                    await using var admin = new MySqlConnection(MariaDbServer.AdminConnectionString);
                    await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name}");
                });
            }

            case "sqlserver":
            {
                var admin = Environment.GetEnvironmentVariable(SqlServerFactAttribute.EnvironmentVariable)!;
                await using (var connection = new SqlConnection(admin))
                {
                    await connection.ExecuteAsync($"CREATE DATABASE {name}");
                }

                var connectionString = new SqlConnectionStringBuilder(admin) { InitialCatalog = name, Pooling = false }.ToString();
                return new ThrowawaySourceDatabase(provider, connectionString, async () =>
                {
                    await using var connection = new SqlConnection(admin);
                    await connection.ExecuteAsync($"ALTER DATABASE {name} SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE {name}");
                });
            }

            default:
            {
                var directory = Path.Combine(Path.GetTempPath(), "pta-tests", Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(directory);
                var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "practice.db"), Pooling = false }.ToString();
                return new ThrowawaySourceDatabase("sqlite", connectionString, () =>
                {
                    Directory.Delete(directory, recursive: true);
                    return Task.CompletedTask;
                });
            }
        }
    }

    /// <summary>Runs SQL on the practice database (its schema, its rows, a deleted row).</summary>
    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    public async ValueTask DisposeAsync() => await _drop();

    private DbConnection Open() => Provider switch
    {
        "postgres" => new NpgsqlConnection(ConnectionString),
        "mysql" => new MySqlConnection(ConnectionString),
        "sqlserver" => new SqlConnection(ConnectionString),
        _ => new SqliteConnection(ConnectionString),
    };
}
