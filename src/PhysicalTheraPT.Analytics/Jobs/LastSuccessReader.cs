using Dapper;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// When a job last finished well, from <c>job_runs</c>, by the job's name: what <c>GET /health</c> reports.
/// A name with no run at all (a job this installation does not use, such as <c>sync</c> without sources) is
/// told apart from one that never succeeded.
/// </summary>
internal sealed class LastSuccessReader : ISqlStatements
{
    private const string LastSuccessSql = """
        SELECT COUNT(*) AS Runs, MAX(CASE WHEN status = 'succeeded' THEN finished_at END) AS LastSucceeded
        FROM job_runs
        WHERE job = @Job
        """;

    private readonly AnalyticsDatabase _database;

    public LastSuccessReader(AnalyticsDatabase database)
    {
        _database = database;
    }

    /// <summary>How many runs the job has, and when its latest successful one finished (UTC); null when none did.</summary>
    public async Task<(int Runs, DateTime? LastSucceededUtc)> ReadAsync(string job, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(LastSuccessSql, new { Job = job }, cancellationToken: cancellationToken));
        return (row.Runs, row.LastSucceeded is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null);
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("last success", LastSuccessSql);
    }

    private sealed class Row
    {
        public int Runs { get; init; }

        public DateTime? LastSucceeded { get; init; }
    }
}
