using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>
/// The Hangfire job storage follows the configured database: SQLite keeps its jobs in a file of its own
/// beside the data file (<c>ptanalytics.hangfire.db</c> next to <c>ptanalytics.db</c>), PostgreSQL and SQL
/// Server in a schema <c>hangfire</c> of the same database, created on first start. All three persist,
/// so a restart loses no enqueued, scheduled or failed job, and servers sharing a PostgreSQL or SQL
/// Server database share the work.
/// </summary>
internal static class JobStorageFactory
{
    public const string SchemaName = "hangfire";

    public static JobStorage Create(AnalyticsDatabase database, SchedulingOptions options, TimeSpan queuePollInterval)
    {
        return database.Provider switch
        {
            DatabaseProvider.Sqlite => CreateSqlite(database, options, queuePollInterval),
            DatabaseProvider.Postgres => CreatePostgres(database.ConnectionString, options, queuePollInterval),
            _ => new SqlServerStorage(() => new SqlConnection(database.ConnectionString), new SqlServerStorageOptions
            {
                SchemaName = SchemaName,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = queuePollInterval,
                SlidingInvisibilityTimeout = options.InvisibilityTimeout,
                UseRecommendedIsolationLevel = true,
                DisableGlobalLocks = true,
            }),
        };
    }

    /// <summary>The SQLite file of the job storage: the data file's name with <c>.hangfire.db</c>.</summary>
    public static string SqliteStoragePath(AnalyticsDatabase database)
    {
        var dataFile = Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
        return Path.ChangeExtension(dataFile, ".hangfire.db");
    }

    private static SQLiteStorage CreateSqlite(AnalyticsDatabase database, SchedulingOptions options, TimeSpan queuePollInterval)
    {
        // Job arguments and failure messages hold no patient data, but a database file beside the clinic
        // data is owner-only like it, whatever the umask.
        var path = SqliteStoragePath(database);
        FileModes.MakeSqliteDatabasePrivate(path);
        return new SQLiteStorage(path, new SQLiteStorageOptions
        {
            QueuePollInterval = queuePollInterval,
            InvisibilityTimeout = options.InvisibilityTimeout,
        });
    }

    private static PostgreSqlStorage CreatePostgres(string connectionString, SchedulingOptions options, TimeSpan queuePollInterval)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = SchemaName,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = queuePollInterval,
            InvisibilityTimeout = options.InvisibilityTimeout,
            // A running job keeps renewing its claim, so only a dead server's jobs pass to another one.
            UseSlidingInvisibilityTimeout = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
    }
}
