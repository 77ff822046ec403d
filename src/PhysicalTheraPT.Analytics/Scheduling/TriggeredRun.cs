using Hangfire.States;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>What a triggered recurring job did: its own fan-out job, then every per-clinic job it enqueued.</summary>
internal sealed record TriggeredRun(string JobName, string SchedulerJobId, string State, string? Failure, IReadOnlyList<TriggeredWork> Work)
{
    public bool Succeeded => State == SucceededState.StateName && Work.All(work => work.Succeeded);
}

/// <summary>
/// One per-clinic job of a triggered run: its Hangfire id and final state, the failure the dashboard
/// shows, and its last recorded run in <c>job_runs</c> (with files and rows).
/// </summary>
internal sealed record TriggeredWork(string SchedulerJobId, string State, string? Failure, JobRun? LastRun)
{
    public bool Succeeded => State == SucceededState.StateName;
}
