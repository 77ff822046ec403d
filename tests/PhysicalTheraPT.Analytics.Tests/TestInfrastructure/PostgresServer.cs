using Npgsql;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>The PostgreSQL server the integration tests use: <c>PTA_TEST_POSTGRES</c>, from <c>.ci/postgres-up</c>.</summary>
internal static class PostgresServer
{
    public const string EnvironmentVariable = "PTA_TEST_POSTGRES";

    private static readonly TestServer Server = new("PostgreSQL", EnvironmentVariable, ".ci/postgres-up", connectionString => new NpgsqlConnection(connectionString));

    public static string AdminConnectionString => Server.AdminConnectionString;

    /// <summary>Null when the server answers; else why not.</summary>
    public static string? WhyUnavailable => Server.WhyUnavailable;
}
