using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// Decides one refresh of a clinic's outreach queue from the flags as of a date, free of I/O. An open
/// item closes when the patient booked maintenance since it was listed, started a new episode, or is no
/// longer flagged (in that order of precedence); a flagged patient without an open item gets one unless
/// a hold applies. Never two open items for one patient.
/// </summary>
internal sealed class OutreachRefreshPlanner(OutreachRules rules)
{
    /// <param name="flagged">The clinic's flagged patients as of <paramref name="asOf"/>: all of them (a patient missing here is no longer flagged).</param>
    /// <param name="states">The known state of the clinic's patients, by patient id (patients without outreach history may be missing).</param>
    /// <param name="bookedSinceListed">Ids of open items whose patient has a maintenance appointment (booked or completed) on or after the item was listed.</param>
    /// <param name="newEpisodeSinceListed">Ids of open items whose patient started a new acute episode on or after the item was listed.</param>
    /// <param name="newItemId">Makes the id of a new item.</param>
    public OutreachRefreshPlan Plan(
        string clinicId,
        DateOnly asOf,
        IReadOnlyList<OutreachCandidate> flagged,
        IReadOnlyDictionary<string, OutreachPatientState> states,
        IReadOnlySet<string> bookedSinceListed,
        IReadOnlySet<string> newEpisodeSinceListed,
        Func<string> newItemId)
    {
        ArgumentNullException.ThrowIfNull(flagged);
        ArgumentNullException.ThrowIfNull(states);
        var strangers = flagged.Where(candidate => !string.Equals(candidate.ClinicId, clinicId, StringComparison.Ordinal)).Select(candidate => candidate.PatientId).Take(3).ToList();
        if (strangers.Count > 0)
        {
            throw new ArgumentException($"Flags of another clinic in the refresh of {clinicId} (patients {string.Join(", ", strangers)}).", nameof(flagged));
        }

        var flags = new Dictionary<string, OutreachCandidate>(StringComparer.Ordinal);
        foreach (var candidate in flagged)
        {
            flags.TryAdd(candidate.PatientId, candidate);
        }

        var closed = new List<OutreachItem>();
        var updated = new List<OutreachItem>();
        var current = new Dictionary<string, OutreachPatientState>(states, StringComparer.Ordinal);
        foreach (var state in states.Values.OrderBy(state => state.PatientId, StringComparer.Ordinal))
        {
            if (state.OpenItem is not { } item)
            {
                continue;
            }

            var closes = bookedSinceListed.Contains(item.ItemId) ? OutreachCloseReason.Booked
                : newEpisodeSinceListed.Contains(item.ItemId) ? OutreachCloseReason.NewEpisode
                : !flags.ContainsKey(item.PatientId) ? OutreachCloseReason.NoLongerFlagged
                : (OutreachCloseReason?)null;
            if (closes is { } reason)
            {
                var closedItem = item with { CloseReason = reason, ClosedOn = asOf };
                closed.Add(closedItem);
                current[state.PatientId] = state with { OpenItem = null, LastClosedItem = closedItem };
                continue;
            }

            var flag = flags[item.PatientId];
            if (flag.Kind != item.Flag || flag.Reason != item.Reason || flag.Priority != item.Priority)
            {
                var refreshed = item with { Flag = flag.Kind, Reason = flag.Reason, Priority = flag.Priority };
                updated.Add(refreshed);
                current[state.PatientId] = state with { OpenItem = refreshed };
            }
        }

        var opened = new List<OutreachItem>();
        var held = new Dictionary<string, OutreachHold>(StringComparer.Ordinal);
        var due = new List<string>();
        foreach (var flag in flags.Values)
        {
            var state = current.GetValueOrDefault(flag.PatientId) ?? new OutreachPatientState(flag.PatientId);
            if (rules.HoldFor(state, asOf) is { } hold)
            {
                held[flag.PatientId] = hold;
                continue;
            }

            if (state.OpenItem is null)
            {
                opened.Add(new OutreachItem
                {
                    ItemId = newItemId(),
                    ClinicId = clinicId,
                    PatientId = flag.PatientId,
                    Flag = flag.Kind,
                    Reason = flag.Reason,
                    Priority = flag.Priority,
                    FirstListed = asOf,
                });
            }

            due.Add(flag.PatientId);
        }

        return new OutreachRefreshPlan(opened, closed, updated, held, due);
    }
}

/// <summary>What one refresh of a clinic's queue changes, and who is to be listed as of its date.</summary>
/// <param name="Opened">New open items.</param>
/// <param name="Closed">Open items that close now, with their reason and date set.</param>
/// <param name="Updated">Open items whose flag, reason or priority changed.</param>
/// <param name="Held">Flagged patients left off the list for now (or for good), by patient id.</param>
/// <param name="Due">Flagged patients to list as of the date, in the order the flags came.</param>
internal sealed record OutreachRefreshPlan(
    IReadOnlyList<OutreachItem> Opened,
    IReadOnlyList<OutreachItem> Closed,
    IReadOnlyList<OutreachItem> Updated,
    IReadOnlyDictionary<string, OutreachHold> Held,
    IReadOnlyList<string> Due);
