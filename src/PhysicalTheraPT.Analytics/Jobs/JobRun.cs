namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>A row of <c>job_runs</c>: one attempt of one job for one clinic and period. Times are UTC.</summary>
internal sealed record JobRun
{
    public string RunId { get; init; } = "";

    public string Job { get; init; } = "";

    /// <summary>The clinic, or null for work that covers all clinics.</summary>
    public string? ClinicId { get; init; }

    public string Period { get; init; } = "";

    public string Status { get; init; } = JobRunStatus.Running;

    public DateTime StartedAt { get; init; }

    public DateTime? FinishedAt { get; init; }

    /// <summary>1 for the first try, 2 for the first retry, ...</summary>
    public int Attempt { get; init; }

    public int? RowsWritten { get; init; }

    /// <summary>Full paths of the files written, one per line.</summary>
    public string? FilesWritten { get; init; }

    /// <summary>What happened, for a person: a summary, or the error and what to do about it.</summary>
    public string? Message { get; init; }

    /// <summary>The scheduler's id for the job (Hangfire job id), to find it on the dashboard.</summary>
    public string? SchedulerJobId { get; init; }

    public string? Server { get; init; }

    public IReadOnlyList<string> Files => string.IsNullOrEmpty(FilesWritten)
        ? []
        : FilesWritten.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string ClinicLabel => ClinicId ?? "all clinics";

    /// <summary>The period as the as-of date it is for flags and outreach lists.</summary>
    public DateOnly PeriodAsDate() => new JobWorkItem(Job, ClinicId, Period).PeriodAsDate();
}

/// <summary>The <c>status</c> values of <c>job_runs</c>.</summary>
internal static class JobRunStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>Stopped by a server shutting down; the scheduler hands the work to the next server.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Its process died mid-run (kill -9, a lost machine); marked so by the next server or command that saw it.</summary>
    public const string Abandoned = "abandoned";
}

/// <summary>What the scheduler tells a run about itself, recorded with it in <c>job_runs</c>.</summary>
internal sealed record JobRunContext(string? SchedulerJobId, int Attempt, string? Server)
{
    /// <summary>A run started by hand, outside any scheduler.</summary>
    public static JobRunContext Direct { get; } = new(null, 1, Environment.MachineName);
}
