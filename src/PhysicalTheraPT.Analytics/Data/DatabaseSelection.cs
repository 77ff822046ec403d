using Microsoft.Data.Sqlite;
using PhysicalTheraPT.Analytics.Files;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>Turns <see cref="DatabaseOptions"/> into the <see cref="AnalyticsDatabase"/> they name.</summary>
internal static class DatabaseSelection
{
    public static AnalyticsDatabase Resolve(DatabaseOptions options)
    {
        var dialect = ParseProvider(options.Provider);
        if (dialect.Provider == DatabaseProvider.Sqlite)
        {
            return new AnalyticsDatabase(dialect, SqliteConnectionString(options), options.MigrateOnFirstUse ?? true) { WriteBatchRows = WriteBatchRows(options) };
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new UserInputException(
                $"Database:Provider is '{dialect.Name}' but no connection string is set. Pass " +
                "--connection \"...\" or set Database:ConnectionString (environment: PTA_Database__ConnectionString).");
        }

        return new AnalyticsDatabase(dialect, options.ConnectionString, options.MigrateOnFirstUse ?? false) { WriteBatchRows = WriteBatchRows(options) };
    }

    private static int WriteBatchRows(DatabaseOptions options) => options.WriteBatchRows >= 1
        ? options.WriteBatchRows
        : throw new UserInputException($"Database:WriteBatchRows is {options.WriteBatchRows}; it must be at least 1 (default 1000).");

    public static SqlDialect ParseProvider(string? provider)
    {
        switch (provider?.Trim().ToLowerInvariant())
        {
            case null or "" or "sqlite":
                return SqlDialect.Sqlite;
            case "postgres" or "postgresql" or "npgsql":
                return SqlDialect.Postgres;
            case "sqlserver" or "mssql":
                return SqlDialect.SqlServer;
            default:
                throw new UserInputException(
                    $"Database:Provider '{provider}' is not supported. Use sqlite, postgres or sqlserver.");
        }
    }

    private static string SqliteConnectionString(DatabaseOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Path) && !string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new UserInputException(
                "Both a SQLite file (--db / Database:Path) and a connection string are set; give one of them.");
        }

        var builder = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Path) ? AnalyticsPaths.DefaultDatabasePath : options.Path) }
            : new SqliteConnectionStringBuilder(options.ConnectionString);

        // Foreign keys are off in SQLite unless asked for on every connection; the import relies on them
        // as a second line of defence behind its own reference checks.
        builder.ForeignKeys = true;
        builder.DefaultTimeout = 30;

        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return builder.ToString();
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            FileModes.CreateFolder(directory);
        }

        // The database holds names, phone numbers and email addresses: owner-only before SQLite creates it.
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            FileModes.MakeSqliteDatabasePrivate(Path.GetFullPath(builder.DataSource));
        }

        return builder.ToString();
    }
}
