using MySqlConnector;

namespace PhysicalTheraPT.Analytics.Tests.Sources.OpenEmr;

/// <summary>
/// A fresh MariaDB database holding OpenEMR's own six tables (openemr-schema.sql: OpenEMR 8.2's
/// sql/database.sql, with its stock appointment statuses), dropped again on dispose.
/// </summary>
internal sealed class OpenEmrDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;
    private readonly string _name;

    private OpenEmrDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        _name = name;
        ConnectionString = new MySqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>A connection string to this database, as a source's <c>ConnectionString</c>.</summary>
    public string ConnectionString { get; }

    public static async Task<OpenEmrDatabase> CreateAsync(string serverConnectionString)
    {
        var database = new OpenEmrDatabase(serverConnectionString, "pta_openemr_" + Guid.NewGuid().ToString("N")[..12]);
        await using (var server = new MySqlConnection(serverConnectionString))
        {
            await server.OpenAsync();
            await Execute(server, $"CREATE DATABASE `{database._name}` CHARACTER SET utf8mb4");
        }

        await using var connection = await database.OpenAsync();
        foreach (var statement in SchemaStatements())
        {
            await Execute(connection, statement);
        }

        return database;
    }

    public async Task<MySqlConnection> OpenAsync()
    {
        var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await using var server = new MySqlConnection(_serverConnectionString);
        await server.OpenAsync();
        await Execute(server, $"DROP DATABASE IF EXISTS `{_name}`");
    }

    private static IEnumerable<string> SchemaStatements()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sources", "OpenEmr", "openemr-schema.sql"));
        var withoutComments = string.Join('\n', text.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal)));
        return withoutComments.Split(";\n").Select(statement => statement.Trim()).Where(statement => statement.Length > 0);
    }

    private static async Task Execute(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
