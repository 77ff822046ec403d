namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// Which database to use. Bound from the <c>Database</c> section; every command's <c>--db</c>,
/// <c>--provider</c> and <c>--connection</c> options override it.
/// </summary>
internal sealed class DatabaseOptions
{
    /// <summary><c>sqlite</c> (default), <c>postgres</c> or <c>sqlserver</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>ADO.NET connection string for a server; for SQLite, an alternative to <see cref="Path"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite database file. Blank: the embedded default in the data folder.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// Apply pending migrations on first use. Blank: yes for SQLite (a newcomer has nothing to set up),
    /// no for servers (a production schema changes only when someone runs <c>db migrate</c>).
    /// </summary>
    public bool? MigrateOnFirstUse { get; set; }

    /// <summary>
    /// Rows one round trip carries when a store writes many rows (flags, outreach items) to a server:
    /// large enough that the network wait per row is negligible, small enough that a batch's commands
    /// and parameters stay a few megabytes whatever the number of rows. Default 1,000. SQLite, being
    /// in-process, writes row by row and ignores it.
    /// </summary>
    public int WriteBatchRows { get; set; } = 1000;
}

/// <summary>The databases the service runs on. One Dapper code path serves all three.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: a single file, nothing to install.</summary>
    Sqlite,

    /// <summary>The real server the tests run against, and a production option.</summary>
    Postgres,

    /// <summary>The client's production target.</summary>
    SqlServer,
}
