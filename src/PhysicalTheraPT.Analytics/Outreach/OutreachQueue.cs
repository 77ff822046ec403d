using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// The outreach queue of every clinic: refreshed from the flags as of a date (nightly by the
/// refresh-flags job, and whenever outreach lists are written). One clinic's refresh is one transaction.
/// </summary>
internal sealed class OutreachQueue
{
    private readonly AnalyticsDatabase _database;
    private readonly OutreachRefreshPlanner _planner;
    private readonly OutreachOptions _options;

    public OutreachQueue(AnalyticsDatabase database, IOptions<OutreachOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _options = options.Value;
        _planner = new OutreachRefreshPlanner(new OutreachRules(_options));
    }

    /// <summary>
    /// Brings the clinic's queue up to date with its flagged patients as of <paramref name="asOf"/>:
    /// closes the items of patients who booked maintenance, came back for treatment or are no longer
    /// flagged, opens items for newly flagged patients that no hold keeps off, and says whom to list.
    /// </summary>
    /// <param name="flagged">Every flagged patient of the clinic as of <paramref name="asOf"/>: a patient not here counts as no longer flagged.</param>
    public async Task<OutreachRefreshResult> RefreshAsync(
        string clinicId, DateOnly asOf, IReadOnlyList<OutreachCandidate> flagged, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clinicId);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var store = new OutreachItemStore(connection, transaction, _database);
        var states = await store.ReadStatesAsync(clinicId, asOf, _options, cancellationToken);
        var booked = await store.BookedSinceListedAsync(clinicId, cancellationToken);
        var newEpisode = await store.NewEpisodeSinceListedAsync(clinicId, cancellationToken);

        var plan = _planner.Plan(clinicId, asOf, flagged, states, booked, newEpisode, NewItemId);
        await store.InsertAsync(plan.Opened, cancellationToken);
        await store.UpdateAsync(plan.Closed.Concat(plan.Updated), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var closed = plan.Closed.GroupBy(item => item.CloseReason!.Value).ToDictionary(group => group.Key, group => group.Count());
        return new OutreachRefreshResult(clinicId, asOf, plan.Opened.Count, closed, plan.Updated.Count, plan.Held, plan.Due);
    }

    /// <summary>
    /// Refreshes every clinic of a flags run (<see cref="RetentionAnalysis"/>), each as of the date its
    /// patients were judged by. Holds every clinic's flags at once: fine for a collected run; the nightly
    /// refresh-flags job refreshes from each clinic's stored set instead, one clinic at a time.
    /// </summary>
    public async Task<IReadOnlyList<OutreachRefreshResult>> RefreshAsync(FlagsAsOf flags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var byClinic = flags.Flags.GroupBy(flag => flag.ClinicId, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Select(OutreachCandidate.From).ToList(), StringComparer.Ordinal);
        var results = new List<OutreachRefreshResult>();
        foreach (var (clinicId, asOf) in flags.AsOfByClinic.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            results.Add(await RefreshAsync(clinicId, asOf, byClinic.GetValueOrDefault(clinicId) ?? [], cancellationToken));
        }

        return results;
    }

    internal static string NewItemId() => Guid.NewGuid().ToString("N");
}
