using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>
/// The Hangfire job for one unit of work (job, clinic, period): hands it to <see cref="ClinicJobRunner"/>
/// with the attempt number and ids the scheduler knows. Arguments are plain strings so the dashboard shows
/// them as they are and a stored job survives an upgrade. The night's sync, once it has ended for good
/// (succeeded, failed for a reason a person must fix, or out of retries), starts refresh-flags: on the
/// fresh copy, or on the last good one, whose age the flags' run then states.
/// </summary>
internal sealed class ClinicWorkJob
{
    private readonly ClinicJobRunner _runner;
    private readonly IBackgroundJobClient? _client;
    private readonly SchedulingOptions _options;

    public ClinicWorkJob(ClinicJobRunner runner, IOptions<SchedulingOptions> options, IBackgroundJobClient? client = null)
    {
        _runner = runner;
        _client = client;
        _options = options.Value;
    }

    [JobDisplayName("{0} {2} {1}")]
    public async Task<JobOutcome> RunAsync(string jobName, string? clinicId, string period, PerformContext? context, CancellationToken cancellationToken)
    {
        var retries = context?.GetJobParameter<int>("RetryCount") ?? 0;
        var runContext = new JobRunContext(context?.BackgroundJob.Id, retries + 1, context?.ServerId);
        JobOutcome outcome;
        try
        {
            outcome = await _runner.RunAsync(new JobWorkItem(jobName, clinicId, period), runContext, cancellationToken);
        }
        catch (Exception exception) when (jobName == JobNames.Sync
            && (exception is PermanentJobFailureException || retries >= _options.RetryAttempts)
            && !cancellationToken.IsCancellationRequested)
        {
            StartRefreshFlags();
            throw;
        }

        if (jobName == JobNames.Sync)
        {
            StartRefreshFlags();
        }

        return outcome;
    }

    private void StartRefreshFlags()
    {
        var queue = _options.FanOutQueue;
        _client?.Create(Job.FromExpression<FanOutJob>(fanOut => fanOut.RunAsync(JobNames.RefreshFlags, null, CancellationToken.None), queue), new EnqueuedState(queue));
    }
}
