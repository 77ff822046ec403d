using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Files;

namespace PhysicalTheraPT.Analytics.Reports.Snapshots;

/// <summary>
/// Numbers that do not drift: when a monthly workbook is produced, the numbers it shows are kept, and a
/// later workbook shows a past month's final numbers as they were first reported, so last month's
/// report and this month's trend agree. Run with restate to recompute them; the Definitions sheet then
/// lists the months restated and when. The monthly report service calls <see cref="ApplyAsync"/> for
/// each scope before it builds the summary from the trend.
/// </summary>
internal sealed class ReportSnapshots
{
    private readonly AnalyticsDatabase _database;
    private readonly TimeProvider _time;

    public ReportSnapshots(AnalyticsDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>Merges the fresh numbers with the kept ones, keeps what is new, and returns what to show.</summary>
    public async Task<ReportSnapshotResult> ApplyAsync(ReportSnapshotRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var months = request.Trend.Select(month => month.Month)
            .Concat(request.Cohorts.Select(row => row.CompletionMonth))
            .Concat(request.Outreach.Select(month => month.Month))
            .ToList();
        if (months.Count == 0)
        {
            return new ReportSnapshotResult(request.Trend, request.Cohorts, request.Outreach, []);
        }

        var now = _time.GetUtcNow().UtcDateTime;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var store = new ReportSnapshotStore(connection, transaction, _database.Dialect);
        var stored = await store.ReadAsync(request.Scope, months.Min(), months.Max(), cancellationToken);
        var (result, writes) = ReportSnapshotMerger.Merge(request, stored, now);
        await store.WriteAsync(request.Scope, writes, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}

/// <summary>
/// The numbers a workbook for one scope is about to show, freshly computed, and whether to restate
/// past months (show and keep the fresh numbers even where final ones were kept before).
/// </summary>
/// <param name="Scope">The report's scope: <see cref="WorkbookMarker.AllClinics"/> or a clinic id.</param>
internal sealed record ReportSnapshotRequest(
    string Scope,
    DateOnly AsOf,
    IReadOnlyList<TrendMonth> Trend,
    IReadOnlyList<CohortRow> Cohorts,
    IReadOnlyList<OutreachMonth> Outreach,
    bool Restate);

/// <summary>
/// The numbers to show: kept final numbers where there are any, fresh ones elsewhere, and the months
/// in view that were ever restated, for the Definitions sheet.
/// </summary>
internal sealed record ReportSnapshotResult(
    IReadOnlyList<TrendMonth> Trend,
    IReadOnlyList<CohortRow> Cohorts,
    IReadOnlyList<OutreachMonth> Outreach,
    IReadOnlyList<RestatedMonth> RestatedMonths);
