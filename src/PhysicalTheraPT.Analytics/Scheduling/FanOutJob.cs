using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>
/// The recurring job behind each schedule: plans the per-clinic work and enqueues one
/// <see cref="ClinicWorkJob"/> per clinic on the clinic queue, where any server may take it. The ids of
/// the jobs it enqueued are kept with it (job parameter <see cref="ChildrenParameter"/>), so whoever
/// triggered it can wait for them.
/// </summary>
internal sealed class FanOutJob
{
    public const string ChildrenParameter = "ptanalytics.children";

    private readonly JobPlanner _planner;
    private readonly IBackgroundJobClient _client;
    private readonly SchedulingOptions _options;
    private readonly ILogger<FanOutJob> _logger;

    public FanOutJob(JobPlanner planner, IBackgroundJobClient client, IOptions<SchedulingOptions> options, ILogger<FanOutJob> logger)
    {
        _planner = planner;
        _client = client;
        _options = options.Value;
        _logger = logger;
    }

    [JobDisplayName("{0}: one job per clinic")]
    public async Task<int> RunAsync(string jobName, PerformContext? context, CancellationToken cancellationToken)
    {
        var work = await _planner.PlanAsync(jobName, cancellationToken);
        var queue = _options.ClinicQueue;
        var children = new List<string>(work.Count);
        foreach (var item in work)
        {
            var job = Job.FromExpression<ClinicWorkJob>(
                clinicJob => clinicJob.RunAsync(item.Job, item.ClinicId, item.Period, null, CancellationToken.None), queue);
            children.Add(_client.Create(job, new EnqueuedState(queue)));
        }

        context?.SetJobParameter(ChildrenParameter, children.ToArray());
        _logger.LogInformation("{Job}: enqueued {Count} job(s) on queue {Queue}.", jobName, children.Count, queue);
        return children.Count;
    }
}
