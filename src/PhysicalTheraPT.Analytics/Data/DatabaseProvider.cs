namespace PhysicalTheraPT.Analytics.Data;

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
