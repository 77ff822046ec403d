using Hangfire;
using Hangfire.Common;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>
/// The job filters of this service's servers and clients, instead of Hangfire's process-wide defaults:
/// retries with doubling back-off from <see cref="SchedulingOptions"/> (never for a permanent failure),
/// and a distributed lock per job, clinic and period, so two runs of the same work never overlap, even
/// on two machines.
/// </summary>
internal sealed class SchedulingFilterProvider : IJobFilterProvider
{
    private readonly JobFilter[] _failureFilters;
    private readonly JobFilter _clinicWorkLock;
    private readonly JobFilter _fanOutLock;

    private const string ClinicWorkLockFormat = "ptanalytics:work:{0}:{1}:{2}";

    /// <param name="postgresConnectionString">The database's connection string when it is PostgreSQL (its work locks are advisory locks); else null.</param>
    public SchedulingFilterProvider(SchedulingOptions options, string? postgresConnectionString = null)
    {
        var baseDelaySeconds = Math.Max(0, (int)options.RetryBaseDelay.TotalSeconds);
        var retry = new AutomaticRetryAttribute
        {
            Attempts = options.RetryAttempts,
            DelayInSecondsByAttemptFunc = attempt => (int)Math.Min(int.MaxValue, baseDelaySeconds * Math.Pow(2, attempt - 1)),
            ExceptOn = [typeof(PermanentJobFailureException)],
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        };
        _failureFilters =
        [
            new JobFilter(new PermanentFailureFilter(), JobFilterScope.Global, null),
            new JobFilter(retry, JobFilterScope.Global, null),
        ];

        var lockSeconds = (int)options.LockTimeout.TotalSeconds;
        // Resources are formatted from the job's arguments: (job, clinic, period, ...) and (job, ...).
        _clinicWorkLock = new JobFilter(new WorkLockFilter(ClinicWorkLockFormat, options.LockTimeout, postgresConnectionString), JobFilterScope.Method, null);
        _fanOutLock = new JobFilter(new DisableConcurrentExecutionAttribute("ptanalytics:fan-out:{0}", lockSeconds), JobFilterScope.Method, null);
    }

    public IEnumerable<JobFilter> GetFilters(Job job)
    {
        foreach (var filter in JobFilterProviders.Providers.GetFilters(job))
        {
            if (filter.Instance is not AutomaticRetryAttribute)
            {
                yield return filter;
            }
        }

        foreach (var filter in _failureFilters)
        {
            yield return filter;
        }

        if (job?.Type == typeof(ClinicWorkJob))
        {
            yield return _clinicWorkLock;
        }
        else if (job?.Type == typeof(FanOutJob))
        {
            yield return _fanOutLock;
        }
    }
}
