using MySqlConnector;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Sources.OpenEmr;

/// <summary>
/// A fresh database on the MariaDB test server holding OpenEMR's own six tables (openemr-schema.sql:
/// OpenEMR 8.2's sql/database.sql, with its stock appointment statuses), dropped again on dispose.
/// </summary>
internal sealed class OpenEmrDatabase : IAsyncDisposable
{
    private readonly ThrowawaySourceDatabase _database;

    private OpenEmrDatabase(ThrowawaySourceDatabase database)
    {
        _database = database;
    }

    /// <summary>A connection string to this database, as a source's <c>ConnectionString</c>.</summary>
    public string ConnectionString => _database.ConnectionString;

    public static async Task<OpenEmrDatabase> CreateAsync()
    {
        var database = new OpenEmrDatabase(await ThrowawaySourceDatabase.CreateAsync("mysql"));
        foreach (var statement in SchemaStatements())
        {
            await database._database.ExecuteAsync(statement);
        }

        return database;
    }

    public async Task<MySqlConnection> OpenAsync()
    {
        var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static IEnumerable<string> SchemaStatements()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sources", "OpenEmr", "openemr-schema.sql"));
        var withoutComments = string.Join('\n', text.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal)));
        return withoutComments.Split(";\n").Select(statement => statement.Trim()).Where(statement => statement.Length > 0);
    }
}
