using System.Globalization;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Sources;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// refresh-flags for one clinic or, with no clinic, for all clinics as of one date: ONE engine pass over
/// the patients in scope, its flags streamed into the store (every clinic's set as of the date replaced in
/// one transaction, a clinic with nobody flagged getting an empty set), then each clinic's outreach queue
/// refreshed from its stored set, one clinic at a time, so memory is bounded by the largest clinic's set,
/// not by the group. Running it again for the same date gives the same rows.
/// </summary>
internal sealed class RefreshFlagsJob : IClinicJob
{
    /// <summary>Clinics named one by one in the summary; beyond this the rest is counted, so a job record stays a line.</summary>
    private const int ClinicsInSummary = 3;

    private readonly IClinicFlagSource _flags;
    private readonly PatientFlagStore _store;
    private readonly OutreachQueue _queue;
    private readonly AnalyticsDatabase _database;
    private readonly SourceSyncStore? _syncs;
    private readonly FlagRefreshStateStore _refreshState;

    public RefreshFlagsJob(IClinicFlagSource flags, PatientFlagStore store, OutreachQueue queue, AnalyticsDatabase database, FlagRefreshStateStore refreshState, SourceSyncStore? syncs = null)
    {
        _flags = flags;
        _store = store;
        _queue = queue;
        _database = database;
        _refreshState = refreshState;
        _syncs = syncs;
    }

    public string Name => JobNames.RefreshFlags;

    /// <summary>
    /// Make the next runs full passes (every patient evaluated) whatever the stored state says:
    /// <c>serve --once refresh-flags --full</c>, and the benchmark's full stages.
    /// </summary>
    public bool ForceFullPass { get; set; }

    public async Task<JobOutcome> RunAsync(JobWorkItem work, CancellationToken cancellationToken)
    {
        var (clinicIds, asOf, written, plan) = await StoreFlagsAsync(work, cancellationToken);
        var dropped = 0;
        // Only the counts of each clinic's refresh are kept, never its lists: a result holds every patient
        // due for a call, and fifty of them held to the end would grow with the group.
        var queues = new QueueTotals();
        foreach (var clinicId in clinicIds)
        {
            var set = await _store.ReadSetAsync(clinicId, asOf, cancellationToken);
            dropped += set.Count(flag => flag.Kind == PatientFlagKind.DroppedAfterAcute);
            queues.Add(await _queue.RefreshAsync(clinicId, asOf, [.. set.Select(OutreachCandidate.From)], cancellationToken));
        }

        var total = written.Values.Sum();
        // With sources, say which copy was judged: after a failed sync it is the last good one, and how old.
        var copy = _syncs is null ? null : await _syncs.DescribeCopyAsync(cancellationToken);
        return new JobOutcome([], total, $"{total} flagged: {dropped} dropped after acute, {total - dropped} maintenance lapsed. Outreach queue: {queues.Summary} {plan.Summary}{(copy is null ? "" : $" {copy}")}");
    }

    /// <summary>
    /// The job's first half: the engine pass and every clinic's set replaced (read + compute + store),
    /// without the outreach queues: a full pass, or an incremental one when the stored state allows
    /// (<see cref="FlagRefreshStateStore.PlanAsync"/>). Returns the clinics in scope, the rows written per
    /// clinic and the pass's plan (its kind and the patients it evaluated).
    /// </summary>
    internal async Task<(IReadOnlyList<string> ClinicIds, DateOnly AsOf, IReadOnlyDictionary<string, int> Written, FlagRefreshPlan Plan)> StoreFlagsAsync(
        JobWorkItem work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var asOf = work.PeriodAsDate();
        var clinicIds = await ClinicsInScopeAsync(work.ClinicId, cancellationToken);
        var plan = await _refreshState.PlanAsync(work.ClinicId, clinicIds, asOf, ForceFullPass, cancellationToken);
        var written = await _store.ReplaceSetsAsync(
            clinicIds,
            asOf,
            _flags.FlagsAsync(work.ClinicId, asOf, plan, cancellationToken),
            cancellationToken,
            (connection, transaction, token) => _refreshState.SaveAsync(connection, transaction, plan, token));
        return (clinicIds, asOf, written, plan);
    }

    private async Task<IReadOnlyList<string>> ClinicsInScopeAsync(string? clinicId, CancellationToken cancellationToken)
    {
        var clinics = await ClinicDirectory.LoadAsync(_database, cancellationToken);
        if (clinicId is null)
        {
            return clinics.ClinicIds;
        }

        clinics.Require(clinicId);
        return [clinicId];
    }

    /// <summary>The sums of the clinics' queue refreshes, and the first few clinics' own lines.</summary>
    private sealed class QueueTotals
    {
        private readonly List<string> _firstLines = [];
        private int _clinics;
        private int _due;
        private int _opened;
        private int _closed;
        private int _held;

        public void Add(OutreachRefreshResult queue)
        {
            _clinics++;
            _due += queue.Due.Count;
            _opened += queue.Opened;
            _closed += queue.ClosedCount;
            _held += queue.Held.Count;
            if (_firstLines.Count < ClinicsInSummary)
            {
                _firstLines.Add(queue.Summary);
            }
        }

        /// <summary>One clinic: its own line, as before. Several: the sums, and the first few clinics' lines.</summary>
        public string Summary
        {
            get
            {
                if (_clinics == 1)
                {
                    return _firstLines[0];
                }

                var sums = string.Create(CultureInfo.InvariantCulture, $"{_clinics} clinics: {_due} to list, {_opened} new, {_closed} closed, {_held} held back");
                var more = _clinics > ClinicsInSummary ? string.Create(CultureInfo.InvariantCulture, $" (+{_clinics - ClinicsInSummary} more clinics)") : "";
                return $"{sums}. {string.Join(" ", _firstLines)}{more}";
            }
        }
    }
}
