using Microsoft.Extensions.Options;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// retention-report for one clinic, or for all clinics together: the month's retention workbook. Its
/// as-of date is the day after the month, unless that is still ahead in the clinic's zone.
/// </summary>
public sealed class RetentionReportJob : IClinicJob
{
    private readonly SchedulingOptions _options;

    public RetentionReportJob(IOptions<SchedulingOptions> options)
    {
        _options = options.Value;
    }

    public string Name => JobNames.RetentionReport;

    public Task<JobOutcome> RunAsync(JobWorkItem work, CancellationToken cancellationToken)
    {
        // Wired to the monthly workbook writer once the reports feature lands.
        throw new PermanentJobFailureException($"{work}: the monthly workbook writer is not part of this build yet (output folder {_options.EffectiveOutputDirectory}).");
    }
}
