using Hangfire.States;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>What a triggered recurring job did: its own fan-out job, then every per-clinic job it enqueued.</summary>
internal sealed record TriggeredRun(string JobName, string SchedulerJobId, string State, string? Failure, IReadOnlyList<TriggeredWork> Work)
{
    public bool Succeeded => State == SucceededState.StateName && Work.All(work => work.Succeeded);
}
