using Microsoft.Extensions.Options;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>outreach-lists for one clinic: its outreach workbook for front desk as of its local today.</summary>
public sealed class OutreachListsJob : IClinicJob
{
    private readonly SchedulingOptions _options;

    public OutreachListsJob(IOptions<SchedulingOptions> options)
    {
        _options = options.Value;
    }

    public string Name => JobNames.OutreachLists;

    public Task<JobOutcome> RunAsync(JobWorkItem work, CancellationToken cancellationToken)
    {
        // Wired to the outreach list writer once the reports feature lands.
        throw new PermanentJobFailureException($"{work}: the outreach list writer is not part of this build yet (output folder {_options.EffectiveOutputDirectory}).");
    }
}
