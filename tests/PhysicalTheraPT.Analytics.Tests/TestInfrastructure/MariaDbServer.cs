using MySqlConnector;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// The MariaDB server the source tests use (a practice database, OpenEMR's tables):
/// <c>PTA_TEST_MARIADB</c>, from <c>.ci/mariadb-up</c>.
/// </summary>
internal static class MariaDbServer
{
    public const string EnvironmentVariable = "PTA_TEST_MARIADB";

    private static readonly TestServer Server = new("MariaDB", EnvironmentVariable, ".ci/mariadb-up", connectionString => new MySqlConnection(connectionString));

    public static string AdminConnectionString => Server.AdminConnectionString;

    /// <summary>Null when the server answers; else why not.</summary>
    public static string? WhyUnavailable => Server.WhyUnavailable;
}
