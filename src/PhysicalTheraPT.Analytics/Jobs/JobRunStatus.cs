namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>The <c>status</c> values of <c>job_runs</c>.</summary>
public static class JobRunStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>Stopped by a server shutting down; the scheduler hands the work to the next server.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Its process died mid-run (kill -9, a lost machine); marked so by the next server or command that saw it.</summary>
    public const string Abandoned = "abandoned";
}
