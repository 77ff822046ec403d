using MySqlConnector;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// The MariaDB server the source tests use (a practice database, OpenEMR's tables): <c>PTA_TEST_MARIADB</c>
/// holds a MySqlConnector connection string of a user that may create databases (<c>.ci/mariadb-up</c>
/// starts a throwaway server and prints it). Without it, or when the server does not answer, MariaDB
/// tests are skipped locally and fail under <c>CI=true</c>.
/// </summary>
internal static class MariaDbServer
{
    public const string EnvironmentVariable = "PTA_TEST_MARIADB";

    private static readonly Lazy<string?> UnavailableReason = new(FindUnavailableReason);

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable)
        ?? throw new InvalidOperationException($"{EnvironmentVariable} is not set. {HowToStart}");

    /// <summary>Null when the server answers; else why not.</summary>
    public static string? WhyUnavailable => UnavailableReason.Value;

    public static string HowToStart =>
        "Start a throwaway server with `eval \"$(.ci/mariadb-up)\"` (it sets PTA_TEST_MARIADB), then run the tests again.";

    private static string? FindUnavailableReason()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"MariaDB tests skipped: {EnvironmentVariable} is not set. {HowToStart}";
        }

        try
        {
            using var connection = new MySqlConnection(connectionString);
            connection.Open();
            return null;
        }
        catch (Exception exception) when (exception is MySqlException or ArgumentException or InvalidOperationException)
        {
            return $"MariaDB tests skipped: could not connect with {EnvironmentVariable} ({exception.Message}). {HowToStart}";
        }
    }
}
