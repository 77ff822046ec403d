namespace PhysicalTheraPT.Analytics.Reports.Snapshots;

/// <summary>
/// The numbers to show: kept final numbers where there are any, fresh ones elsewhere, and the months
/// in view that were ever restated, for the Definitions sheet.
/// </summary>
public sealed record ReportSnapshotResult(
    IReadOnlyList<TrendMonth> Trend,
    IReadOnlyList<CohortRow> Cohorts,
    IReadOnlyList<OutreachMonth> Outreach,
    IReadOnlyList<RestatedMonth> RestatedMonths);
