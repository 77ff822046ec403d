namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>What the scheduler tells a run about itself, recorded with it in <c>job_runs</c>.</summary>
public sealed record JobRunContext(string? SchedulerJobId, int Attempt, string? Server)
{
    /// <summary>A run started by hand, outside any scheduler.</summary>
    public static JobRunContext Direct { get; } = new(null, 1, Environment.MachineName);
}
