using System.CommandLine;

namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>
/// How every command names its database: <c>--db PATH</c> for a SQLite file, or <c>--provider</c> with
/// <c>--connection</c> for a server. Each overrides the <c>Database</c> configuration section; with none,
/// the embedded default database.
/// </summary>
internal static class DatabaseArguments
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "SQLite database file to use (default: the embedded database in the data folder).",
        Recursive = true,
    };

    public static readonly Option<string?> Provider = new("--provider")
    {
        Description = "Database provider: sqlite, postgres or sqlserver.",
        Recursive = true,
    };

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Connection string for a database server (or a SQLite connection string).",
        Recursive = true,
    };

    /// <summary>The configuration keys these options override, as <c>Database:*</c> entries.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> AsConfiguration(System.CommandLine.ParseResult parseResult)
    {
        var db = parseResult.GetValue(Db);
        var provider = parseResult.GetValue(Provider);
        var connection = parseResult.GetValue(Connection);

        if (db is not null)
        {
            if (provider is not null && !provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
            {
                throw new UserInputException($"--db names a SQLite file, but --provider is '{provider}'. Use --db alone, or --provider with --connection.");
            }

            if (connection is not null)
            {
                throw new UserInputException("--db and --connection both name a database. Use --db for a SQLite file, or --provider with --connection.");
            }

            // --provider sqlite beside --db says the same thing once more: one key each, or the
            // configuration refuses the duplicate.
            yield return new("Database:Provider", "sqlite");
            yield return new("Database:Path", db);
            yield return new("Database:ConnectionString", "");
            yield break;
        }

        if (provider is not null)
        {
            yield return new("Database:Provider", provider);
        }

        if (connection is not null)
        {
            yield return new("Database:ConnectionString", connection);
            yield return new("Database:Path", "");
        }
    }
}
