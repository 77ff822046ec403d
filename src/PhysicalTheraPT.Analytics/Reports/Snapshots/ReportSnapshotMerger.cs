using System.Globalization;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports.Snapshots;

/// <summary>
/// Decides, number by number, what a workbook shows for each month, free of I/O. A number some earlier
/// workbook reported as final is shown as it was reported; a number that was provisional or maturing
/// is shown fresh and kept again until it is final. With restate, the fresh numbers are shown and kept,
/// and a month where a final number changed is marked restated. A workbook dated before the one that
/// kept a number (an as-of date in the past) neither uses nor replaces it: it looks back, it does not
/// report anew.
/// </summary>
internal sealed class ReportSnapshotMerger
{
    private readonly ReportSnapshotRequest request;
    private readonly IReadOnlyDictionary<SnapshotKey, SnapshotValue> stored;
    private readonly DateTime now;
    private readonly Dictionary<SnapshotKey, SnapshotValue> writes = [];

    private ReportSnapshotMerger(ReportSnapshotRequest request, IReadOnlyDictionary<SnapshotKey, SnapshotValue> stored, DateTime now)
    {
        this.request = request;
        this.stored = stored;
        this.now = now;
    }

    /// <param name="stored">The kept numbers of the request's scope for (at least) the months in view.</param>
    /// <param name="now">When this happens (UTC): the time a restatement is recorded with.</param>
    /// <returns>What to show, and the numbers to keep (new, still provisional, or restated).</returns>
    public static (ReportSnapshotResult Result, IReadOnlyDictionary<SnapshotKey, SnapshotValue> Writes) Merge(
        ReportSnapshotRequest request, IReadOnlyDictionary<SnapshotKey, SnapshotValue> stored, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stored);
        var merger = new ReportSnapshotMerger(request, stored, now);
        var trend = request.Trend.Select(merger.MergeTrend).ToList();
        var cohorts = request.Cohorts.Select(merger.MergeCohort).ToList();
        var outreach = request.Outreach.Select(merger.MergeOutreach).ToList();
        var months = request.Trend.Select(month => month.Month)
            .Concat(request.Cohorts.Select(row => row.CompletionMonth))
            .Concat(request.Outreach.Select(month => month.Month))
            .ToHashSet();
        var restated = stored.Where(pair => !merger.writes.ContainsKey(pair.Key)).Concat(merger.writes)
            .Where(pair => pair.Value.RestatedAt is not null && months.Contains(pair.Key.Month))
            .GroupBy(pair => pair.Key.Month)
            .Select(group => new RestatedMonth(group.Key, DateOnly.FromDateTime(group.Max(pair => pair.Value.RestatedAt!.Value))))
            .OrderBy(month => month.Month)
            .ToList();
        return (new ReportSnapshotResult(trend, cohorts, outreach, restated), merger.writes);
    }

    public static string ConversionMetric(int windowDays, string part) =>
        string.Create(CultureInfo.InvariantCulture, $"conversion.{windowDays}.{part}");

    private TrendMonth MergeTrend(TrendMonth month)
    {
        var at = month.Month;
        var settled = !month.Provisional;
        var completions = Show(new(at, "acute_completions"), month.AcuteCompletions, settled, out var kept);
        var endTypes = month.CompletionsByEndType.Keys
            .Concat(stored.Keys.Where(key => key.Month == at && key.Metric.StartsWith("completions.", StringComparison.Ordinal)).Select(key => key.Metric["completions.".Length..]))
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(type => type, type => (int)(Show(new(at, "completions." + type), month.CompletionsByEndType.GetValueOrDefault(type), settled, out _) ?? 0), StringComparer.Ordinal);
        return month with
        {
            AcuteCompletions = (int)(completions ?? 0),
            Provisional = !kept && month.Provisional,
            CompletionsByEndType = endTypes,
            Conversions = [.. month.Conversions.Select(cell => MergeConversion(at, cell))],
            ActiveMaintenancePatients = (int)(Show(new(at, "active_maintenance_patients"), month.ActiveMaintenancePatients, request.AsOf > at.LastDay, out _) ?? 0),
            VisitsPerEpisodeMedian = Show(new(at, "visits_per_episode_median"), month.VisitsPerEpisodeMedian, settled, out _),
            DroppedAfterAcute = AsCount(ShowCountedAsOf(new(at, "dropped_after_acute"), month.DroppedAfterAcute)),
            MaintenanceLapsed = AsCount(ShowCountedAsOf(new(at, "maintenance_lapsed"), month.MaintenanceLapsed)),
        };
    }

    private CohortRow MergeCohort(CohortRow row)
    {
        // The completions are the trend's number: shown as kept when it was kept final, never kept from here.
        var completions = stored.TryGetValue(new(row.CompletionMonth, "acute_completions"), out var kept) && kept.Final && !request.Restate && kept.AsOf <= request.AsOf && kept.Value is { } value
            ? (int)value
            : row.Completions;
        return row with { Completions = completions, Windows = [.. row.Windows.Select(cell => MergeConversion(row.CompletionMonth, cell))] };
    }

    private ConversionCell MergeConversion(CalendarMonth month, ConversionCell cell)
    {
        var matured = !cell.Maturing;
        var completions = Show(new(month, ConversionMetric(cell.WindowDays, "completions")), cell.Completions, matured, out var keptCompletions);
        var converted = Show(new(month, ConversionMetric(cell.WindowDays, "converted")), cell.Converted, matured, out var keptConverted);
        return keptCompletions && keptConverted ? ConversionCell.Matured(cell.WindowDays, (int)(completions ?? 0), (int)(converted ?? 0)) : cell;
    }

    private OutreachMonth MergeOutreach(OutreachMonth month)
    {
        var at = month.Month;
        var settled = !month.Provisional;
        var listed = Show(new(at, "outreach.listed"), month.Listed, settled, out var kept);
        return month with
        {
            Listed = (int)(listed ?? 0),
            Contacted = (int)(Show(new(at, "outreach.contacted"), month.Contacted, settled, out _) ?? 0),
            Reached = (int)(Show(new(at, "outreach.reached"), month.Reached, settled, out _) ?? 0),
            BookedAfterOutreach = (int)(Show(new(at, "outreach.booked_after_outreach"), month.BookedAfterOutreach, settled, out _) ?? 0),
            MedianDaysToFirstContact = Show(new(at, "outreach.median_days_to_first_contact"), month.MedianDaysToFirstContact, settled, out _),
            WrongNumbers = (int)(Show(new(at, "outreach.wrong_numbers"), month.WrongNumbers, settled, out _) ?? 0),
            Provisional = !kept && month.Provisional,
        };
    }

    /// <summary>
    /// A count taken as of the report's date (patients to call): final the moment it is reported, and
    /// for past months known only from what was kept (it cannot be recomputed for a past date).
    /// </summary>
    private double? ShowCountedAsOf(SnapshotKey key, int? computed) =>
        computed is not null ? Show(key, computed, final: true, out _)
        : stored.TryGetValue(key, out var kept) && kept.AsOf <= request.AsOf ? kept.Value
        : null;

    /// <summary>The number to show for <paramref name="key"/>; records what to keep.</summary>
    private double? Show(SnapshotKey key, double? computed, bool final, out bool fromKept)
    {
        stored.TryGetValue(key, out var kept);
        var lookingBack = kept is not null && request.AsOf < kept.AsOf && !request.Restate;
        if (kept is { Final: true } && !request.Restate && !lookingBack)
        {
            fromKept = true;
            return kept.Value;
        }

        fromKept = false;
        var restatedAt = kept is { Final: true } && kept.Value != computed ? now : kept?.RestatedAt;
        // An unchanged number keeps the date it was first counted as of.
        var keep = new SnapshotValue(computed, final, request.AsOf, restatedAt);
        if (!lookingBack && keep with { AsOf = kept?.AsOf ?? request.AsOf } != kept)
        {
            writes[key] = keep;
        }

        return computed;
    }

    private static int? AsCount(double? value) => value is null ? null : (int)value.Value;
}
