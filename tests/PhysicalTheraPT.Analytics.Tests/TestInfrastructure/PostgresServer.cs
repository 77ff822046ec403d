using Npgsql;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// The PostgreSQL server the integration tests use: <c>PTA_TEST_POSTGRES</c> holds an admin connection
/// string (<c>.ci/postgres-up</c> starts a throwaway cluster and prints it). Without it, or when the
/// server does not answer, PostgreSQL tests are skipped locally and fail under <c>CI=true</c>.
/// </summary>
internal static class PostgresServer
{
    public const string EnvironmentVariable = "PTA_TEST_POSTGRES";

    private static readonly Lazy<string?> UnavailableReason = new(FindUnavailableReason);

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable)
        ?? throw new InvalidOperationException($"{EnvironmentVariable} is not set. {HowToStart}");

    /// <summary>Null when the server answers; else why not.</summary>
    public static string? WhyUnavailable => UnavailableReason.Value;

    public static string HowToStart =>
        "Start a throwaway cluster with `eval \"$(.ci/postgres-up)\"` (it sets PTA_TEST_POSTGRES), then run the tests again.";

    private static string? FindUnavailableReason()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"PostgreSQL tests skipped: {EnvironmentVariable} is not set. {HowToStart}";
        }

        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            return null;
        }
        catch (Exception exception) when (exception is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return $"PostgreSQL tests skipped: could not connect with {EnvironmentVariable} ({exception.Message}). {HowToStart}";
        }
    }
}
