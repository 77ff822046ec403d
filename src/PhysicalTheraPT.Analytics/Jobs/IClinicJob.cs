namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// The work of one scheduled job for one clinic (or all clinics) and one period, free of any scheduler:
/// the Hangfire jobs call it, and so can a test. Running it twice for the same work must leave the same
/// rows and files as running it once.
/// </summary>
internal interface IClinicJob
{
    /// <summary>One of <see cref="JobNames"/>.</summary>
    string Name { get; }

    Task<JobOutcome> RunAsync(JobWorkItem work, CancellationToken cancellationToken);
}

/// <summary>What one run of a job produced: files written (full paths), rows written, and a summary.</summary>
internal sealed record JobOutcome(IReadOnlyList<string> FilesWritten, int RowsWritten, string Summary);
