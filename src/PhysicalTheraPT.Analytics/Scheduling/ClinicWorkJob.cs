using Hangfire;
using Hangfire.Server;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>
/// The Hangfire job for one unit of work (job, clinic, period): hands it to <see cref="ClinicJobRunner"/>
/// with the attempt number and ids the scheduler knows. Arguments are plain strings so the dashboard shows
/// them as they are and a stored job survives an upgrade.
/// </summary>
internal sealed class ClinicWorkJob
{
    private readonly ClinicJobRunner _runner;

    public ClinicWorkJob(ClinicJobRunner runner)
    {
        _runner = runner;
    }

    [JobDisplayName("{0} {2} {1}")]
    public Task<JobOutcome> RunAsync(string jobName, string? clinicId, string period, PerformContext? context, CancellationToken cancellationToken)
    {
        var retries = context?.GetJobParameter<int>("RetryCount") ?? 0;
        var runContext = new JobRunContext(context?.BackgroundJob.Id, retries + 1, context?.ServerId);
        return _runner.RunAsync(new JobWorkItem(jobName, clinicId, period), runContext, cancellationToken);
    }
}
