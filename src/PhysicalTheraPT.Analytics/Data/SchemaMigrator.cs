using DbUp;
using DbUp.Engine;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// Applies the numbered, forward-only scripts under <c>sql/&lt;provider&gt;/</c> (embedded in this
/// assembly) with DbUp, which records each applied script in the database's <c>SchemaVersions</c> table.
/// The same runner serves <c>ptanalytics db migrate</c>, the build's Migrate target and the test fixtures.
/// DbUp journals a script by its name, so an applied script is never renamed: 0003 and 0005 stay unused
/// and two scripts share 0006. A new script takes the next number of its own above 0007 in all three
/// folders (checked by SchemaScriptNumberingTests).
/// </summary>
internal sealed class SchemaMigrator
{
    private readonly AnalyticsDatabase _database;

    public SchemaMigrator(AnalyticsDatabase database)
    {
        _database = database;
    }

    /// <summary>Every script this build knows for the database's provider, in the order they apply.</summary>
    public static IReadOnlyList<string> ScriptNames(SqlDialect dialect)
    {
        var prefix = ScriptPrefix(dialect);
        return typeof(SchemaMigrator).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The text of one embedded script.</summary>
    public static string ReadScript(string resourceName)
    {
        using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new ArgumentException($"No embedded script named {resourceName}.", nameof(resourceName));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Whether DbUp's journal records every script this build knows, read with one query: a command's start
    /// then costs no DbUp engine, which reads every script and compiles its code in a fresh process. False
    /// when unsure (no journal yet, a connection or query that fails): <see cref="PendingScripts"/> decides.
    /// </summary>
    public async Task<bool> AllScriptsRecordedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = _database.Dialect.CreateConnection(_database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // DbUp's journal on all three databases: unquoted, so PostgreSQL's lower-case schemaversions matches.
            command.CommandText = "SELECT ScriptName FROM SchemaVersions";
            var recorded = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                recorded.Add(reader.GetString(0));
            }

            return ScriptNames(_database.Dialect).All(recorded.Contains);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    public IReadOnlyList<string> PendingScripts()
    {
        return Run(engine => engine.GetScriptsToExecute().Select(script => script.Name).ToList());
    }

    /// <summary>
    /// Creates the database itself when a server does not have it yet: for databases of their own, such as
    /// the benchmark's. The clinic database is created by whoever runs the server, never here.
    /// </summary>
    public void CreateDatabaseIfMissing()
    {
        try
        {
            _database.Dialect.CreateDatabaseIfMissing(_database.ConnectionString);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            throw new UserInputException($"Could not create {_database.Description}: {exception.Message}", exception);
        }
    }

    /// <summary>Applies every pending script, each in its own transaction; returns the names applied.</summary>
    public IReadOnlyList<string> Migrate()
    {
        var result = Run(engine => engine.PerformUpgrade());
        if (!result.Successful)
        {
            var script = result.ErrorScript?.Name ?? "(unknown script)";
            throw new UserInputException(
                $"Migrating {_database.Description} failed in {script}: {result.Error.Message}",
                result.Error);
        }

        return result.Scripts.Select(applied => applied.Name).ToList();
    }

    private T Run<T>(Func<UpgradeEngine, T> action)
    {
        var prefix = ScriptPrefix(_database.Dialect);
        var engine = _database.Dialect.MigrationsFor(_database.ConnectionString)
            .WithScriptsEmbeddedInAssembly(typeof(SchemaMigrator).Assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
        try
        {
            return action(engine);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            throw new UserInputException(
                $"Could not read the schema version of {_database.Description}: {exception.Message}", exception);
        }
    }

    private static string ScriptPrefix(SqlDialect dialect) => $"sql/{dialect.Name}/";
}
