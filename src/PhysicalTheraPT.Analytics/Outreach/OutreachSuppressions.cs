using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// The not-nagging filter, read-only: splits a clinic's flagged patients into those front desk may call
/// as of a date and those held back (do-not-contact, a recent decline, a recent try, a recently closed
/// item). Every list, file and count that goes to front desk passes through here or through
/// <see cref="OutreachQueue.RefreshAsync(string, DateOnly, IReadOnlyList{OutreachCandidate}, CancellationToken)"/>, which applies the same rules.
/// </summary>
public sealed class OutreachSuppressions
{
    private readonly AnalyticsDatabase _database;
    private readonly OutreachRules _rules;

    public OutreachSuppressions(AnalyticsDatabase database, IOptions<OutreachOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _rules = new OutreachRules(options.Value);
    }

    /// <summary>The rows whose patient may be called as of <paramref name="asOf"/>, in their order, and the holds of the others.</summary>
    public async Task<OutreachFilterResult<TRow>> FilterAsync<TRow>(
        string clinicId, DateOnly asOf, IReadOnlyList<TRow> rows, Func<TRow, string> patientIdOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(patientIdOf);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var states = await new OutreachItemStore(connection, null, _database).ReadStatesAsync(clinicId, asOf, _rules.Options, cancellationToken);

        var listed = new List<TRow>();
        var held = new Dictionary<string, OutreachHold>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var patientId = patientIdOf(row);
            if (states.TryGetValue(patientId, out var state) && _rules.HoldFor(state, asOf) is { } hold)
            {
                held[patientId] = hold;
            }
            else
            {
                listed.Add(row);
            }
        }

        return new OutreachFilterResult<TRow>(listed, held);
    }
}
