using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// refresh-flags for one clinic: its flagged patients as of its local today, stored as that day's set
/// (replacing any earlier set for the same day), then the clinic's outreach queue refreshed from them.
/// Both steps give the same rows when run again for the same day.
/// </summary>
public sealed class RefreshFlagsJob : IClinicJob
{
    private readonly IClinicFlagSource _flags;
    private readonly PatientFlagStore _store;
    private readonly OutreachQueue _queue;

    public RefreshFlagsJob(IClinicFlagSource flags, PatientFlagStore store, OutreachQueue queue)
    {
        _flags = flags;
        _store = store;
        _queue = queue;
    }

    public string Name => JobNames.RefreshFlags;

    public async Task<JobOutcome> RunAsync(JobWorkItem work, CancellationToken cancellationToken)
    {
        var clinicId = work.ClinicId ?? throw new PermanentJobFailureException($"{work}: refresh-flags runs per clinic, but no clinic was given.");
        var asOf = work.PeriodAsDate();
        var flags = await _flags.FlagsAsync(clinicId, asOf, cancellationToken);
        var written = await _store.ReplaceSetAsync(clinicId, asOf, flags, cancellationToken);
        var queue = await _queue.RefreshAsync(clinicId, asOf, [.. flags.Select(OutreachCandidate.From)], cancellationToken);
        var dropped = flags.Count(flag => flag.Flag == PatientFlagKind.DroppedAfterAcute.ToContractName());
        return new JobOutcome([], written, $"{written} flagged: {dropped} dropped after acute, {written - dropped} maintenance lapsed. Outreach queue: {queue.Summary}");
    }
}
