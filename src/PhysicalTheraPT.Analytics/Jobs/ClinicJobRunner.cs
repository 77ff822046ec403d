using Microsoft.Extensions.Logging;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// Runs one unit of scheduled work and records it in <c>job_runs</c>: started, then succeeded (with
/// files and rows), failed (with what to do), or cancelled (a server shutting down hands it on). A
/// permanent failure leaves as <see cref="PermanentJobFailureException"/> so the scheduler does not retry
/// it. Logs carry ids, counts and paths only, never patient details.
/// </summary>
internal sealed class ClinicJobRunner
{
    private readonly IReadOnlyList<IClinicJob> _jobs;
    private readonly JobRunStore _runs;
    private readonly ILogger<ClinicJobRunner> _logger;

    public ClinicJobRunner(IEnumerable<IClinicJob> jobs, JobRunStore runs, ILogger<ClinicJobRunner> logger)
    {
        _jobs = jobs.ToList();
        _runs = runs;
        _logger = logger;
    }

    public async Task<JobOutcome> RunAsync(JobWorkItem work, JobRunContext context, CancellationToken cancellationToken)
    {
        // The last registration of a name wins, as with any service: a host can swap in its own.
        var job = _jobs.LastOrDefault(candidate => candidate.Name == work.Job) ?? throw JobNames.Unknown(work.Job);
        var runId = await _runs.StartAsync(work, context, cancellationToken);
        try
        {
            var outcome = await job.RunAsync(work, cancellationToken);
            await _runs.FinishAsync(runId, JobRunStatus.Succeeded, outcome, message: null);
            _logger.LogInformation("{Work} (attempt {Attempt}): {Summary}", work, context.Attempt, outcome.Summary);
            return outcome;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(runId, JobRunStatus.Cancelled, "Stopped: the server shut down. The job goes back to the queue for the next server.");
            _logger.LogWarning("{Work} (attempt {Attempt}) stopped by shutdown; it will run again.", work, context.Attempt);
            throw;
        }
        catch (Exception exception) when (JobFailureClassifier.IsPermanent(exception))
        {
            var message = JobFailureClassifier.DescribePermanent(work, exception);
            await RecordFailureAsync(runId, JobRunStatus.Failed, message);
            _logger.LogError("{Message}", message);
            throw new PermanentJobFailureException(message, exception);
        }
        catch (Exception exception)
        {
            var message = $"{work}: attempt {context.Attempt} failed: {exception.Message} It is retried with back-off.";
            await RecordFailureAsync(runId, JobRunStatus.Failed, message);
            _logger.LogWarning("{Message}", message);
            throw;
        }
    }

    // The failure being reported matters more than its record: a database that is down cannot take the
    // record either, and the scheduler keeps the failure anyway.
    private async Task RecordFailureAsync(string runId, string status, string message)
    {
        try
        {
            await _runs.FinishAsync(runId, status, outcome: null, message);
        }
#pragma warning disable CA1031 // Any failure to record must not hide the job's own failure.
        catch (Exception recordError)
#pragma warning restore CA1031
        {
            _logger.LogWarning("Could not record the end of run {RunId}: {Error}", runId, recordError.Message);
        }
    }
}
