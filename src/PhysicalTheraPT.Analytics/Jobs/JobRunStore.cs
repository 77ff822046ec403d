using Dapper;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// <c>job_runs</c>: every attempt of every scheduled job is recorded when it starts and again when it
/// ends, so a run that died with its server still shows as <c>running</c> from when it started.
/// </summary>
internal sealed class JobRunStore : ISqlStatements
{
    private const string RunColumns = """
        run_id AS RunId, job AS Job, clinic_id AS ClinicId, period AS Period, status AS Status,
        started_at AS StartedAt, finished_at AS FinishedAt, attempt AS Attempt, rows_written AS RowsWritten,
        files_written AS FilesWritten, message AS Message, scheduler_job_id AS SchedulerJobId, server AS Server
        """;

    private const string InsertRun = """
        INSERT INTO job_runs (run_id, job, clinic_id, period, status, started_at, attempt, scheduler_job_id, server)
        VALUES (@RunId, @Job, @ClinicId, @Period, @Status, @StartedAt, @Attempt, @SchedulerJobId, @Server)
        """;

    private const string UpdateRun = """
        UPDATE job_runs
        SET status = @Status, finished_at = @FinishedAt, rows_written = @RowsWritten, files_written = @FilesWritten,
            message = @Message
        WHERE run_id = @RunId
        """;

    private const string MarkAbandoned = """
        UPDATE job_runs
        SET status = @Status, finished_at = @FinishedAt, message = @Message
        WHERE run_id = @RunId AND status = 'running'
        """;

    private const string SelectRunning = $"""
        SELECT {RunColumns}
        FROM job_runs
        WHERE status = 'running'
        ORDER BY started_at, run_id
        """;

    private readonly AnalyticsDatabase _database;
    private readonly TimeProvider _time;

    public JobRunStore(AnalyticsDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>Records the start of a run; returns its id.</summary>
    public async Task<string> StartAsync(JobWorkItem work, JobRunContext context, CancellationToken cancellationToken)
    {
        var runId = Guid.NewGuid().ToString("D");
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertRun, new
        {
            RunId = runId,
            work.Job,
            work.ClinicId,
            work.Period,
            Status = JobRunStatus.Running,
            StartedAt = UtcNow(),
            context.Attempt,
            context.SchedulerJobId,
            context.Server,
        }, cancellationToken: cancellationToken));
        return runId;
    }

    /// <summary>
    /// Records a run that was refused before it started (bad settings), as failed, so <c>runs</c> shows
    /// why the scheduled job did nothing.
    /// </summary>
    public async Task RecordRefusedAsync(string job, string message, CancellationToken cancellationToken)
    {
        var runId = Guid.NewGuid().ToString("D");
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertRun, new
        {
            RunId = runId,
            Job = job,
            ClinicId = (string?)null,
            Period = "",
            Status = JobRunStatus.Failed,
            StartedAt = UtcNow(),
            Attempt = 1,
            SchedulerJobId = (string?)null,
            Server = Environment.MachineName,
        }, cancellationToken: cancellationToken));
        await FinishAsync(runId, JobRunStatus.Failed, outcome: null, message);
    }

    /// <summary>Records how a run ended. Not cancellable: a run stopped by shutdown is still recorded.</summary>
    public async Task FinishAsync(string runId, string status, JobOutcome? outcome, string? message)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(UpdateRun, new
        {
            RunId = runId,
            Status = status,
            FinishedAt = UtcNow(),
            RowsWritten = outcome?.RowsWritten,
            FilesWritten = outcome is { FilesWritten.Count: > 0 } ? string.Join('\n', outcome.FilesWritten) : null,
            Message = message ?? outcome?.Summary,
        }));
    }

    /// <summary>The runs recorded as running, oldest first: running now, or dead without a word.</summary>
    public async Task<IReadOnlyList<JobRun>> ListRunningAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var runs = await connection.QueryAsync<JobRun>(new CommandDefinition(SelectRunning, cancellationToken: cancellationToken));
        return runs.Select(Normalize).ToList();
    }

    /// <summary>Marks a run whose process died as abandoned; false when it had ended meanwhile.</summary>
    public async Task<bool> MarkAbandonedAsync(string runId, string message, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(MarkAbandoned, new
        {
            RunId = runId,
            Status = JobRunStatus.Abandoned,
            FinishedAt = UtcNow(),
            Message = message,
        }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>The latest <paramref name="count"/> runs, newest first.</summary>
    public async Task<IReadOnlyList<JobRun>> ListRecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var runs = await connection.QueryAsync<JobRun>(new CommandDefinition(SelectRecent(_database.Dialect), new { Count = count }, cancellationToken: cancellationToken));
        return runs.Select(Normalize).ToList();
    }

    /// <summary>Every run of the given scheduler jobs (all attempts), oldest first.</summary>
    public async Task<IReadOnlyList<JobRun>> ListForSchedulerJobsAsync(IReadOnlyCollection<string> schedulerJobIds, CancellationToken cancellationToken)
    {
        if (schedulerJobIds.Count == 0)
        {
            return [];
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        var runs = await connection.QueryAsync<JobRun>(new CommandDefinition(SelectBySchedulerJobs(_database.Dialect), new { SchedulerJobIds = schedulerJobIds }, cancellationToken: cancellationToken));
        return runs.Select(Normalize).ToList();
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("insert", InsertRun);
        yield return new("update", UpdateRun);
        yield return new("recent", SelectRecent(dialect));
        yield return new("running", SelectRunning);
        yield return new("abandon", MarkAbandoned);
        // Dapper expands the list into parameters before SQL Server sees it; the parser sees two of them.
        yield return new("by scheduler jobs", SelectBySchedulerJobs(dialect).Replace("IN @SchedulerJobIds", "IN (@SchedulerJobIds1, @SchedulerJobIds2)", StringComparison.Ordinal));
    }

    private static string SelectRecent(SqlDialect dialect) => $"""
        SELECT {RunColumns}
        FROM job_runs
        ORDER BY started_at DESC, run_id DESC
        {dialect.FirstRows("@Count")}
        """;

    private static string SelectBySchedulerJobs(SqlDialect dialect) => $"""
        SELECT {RunColumns}
        FROM job_runs
        WHERE scheduler_job_id {dialect.InList("@SchedulerJobIds")}
        ORDER BY started_at, run_id
        """;

    // PostgreSQL refuses a timestamptz parameter whose kind is not UTC; SQLite hands text back with no
    // kind at all. Both sides say UTC explicitly.
    private DateTime UtcNow() => _time.GetUtcNow().UtcDateTime;

    private static JobRun Normalize(JobRun run) => run with
    {
        StartedAt = DateTime.SpecifyKind(run.StartedAt, DateTimeKind.Utc),
        FinishedAt = run.FinishedAt is { } finished ? DateTime.SpecifyKind(finished, DateTimeKind.Utc) : null,
    };
}
