using Hangfire.States;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>
/// One per-clinic job of a triggered run: its Hangfire id and final state, the failure the dashboard
/// shows, and its last recorded run in <c>job_runs</c> (with files and rows).
/// </summary>
internal sealed record TriggeredWork(string SchedulerJobId, string State, string? Failure, JobRun? LastRun)
{
    public bool Succeeded => State == SucceededState.StateName;
}
