using System.Data.Common;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// A database server the integration tests use, named by an environment variable that holds a
/// connection string of a user that may create databases (a <c>.ci/*-up</c> script starts a throwaway
/// server and prints it). Without it, or when the server does not answer, its tests are skipped locally
/// and fail under <c>CI=true</c> (<see cref="TestEnvironment"/>).
/// </summary>
internal sealed class TestServer
{
    private readonly string _name;
    private readonly Func<string, DbConnection> _connect;
    private readonly Lazy<string?> _unavailableReason;

    public TestServer(string name, string environmentVariable, string startScript, Func<string, DbConnection> connect)
    {
        _name = name;
        _connect = connect;
        EnvironmentVariable = environmentVariable;
        HowToStart = $"Start a throwaway server with `eval \"$({startScript})\"` (it sets {environmentVariable}), then run the tests again.";
        _unavailableReason = new(FindUnavailableReason);
    }

    public string EnvironmentVariable { get; }

    public string HowToStart { get; }

    public string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable)
        ?? throw new InvalidOperationException($"{EnvironmentVariable} is not set. {HowToStart}");

    /// <summary>Null when the server answers; else why not.</summary>
    public string? WhyUnavailable => _unavailableReason.Value;

    private string? FindUnavailableReason()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"{_name} tests skipped: {EnvironmentVariable} is not set. {HowToStart}";
        }

        try
        {
            using var connection = _connect(connectionString);
            connection.Open();
            return null;
        }
        catch (Exception exception) when (exception is DbException or ArgumentException or InvalidOperationException)
        {
            return $"{_name} tests skipped: could not connect with {EnvironmentVariable} ({exception.Message}). {HowToStart}";
        }
    }
}
