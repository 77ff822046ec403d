namespace PhysicalTheraPT.Analytics.Reports.Snapshots;

/// <summary>
/// The numbers a workbook for one scope is about to show, freshly computed, and whether to restate
/// past months (show and keep the fresh numbers even where final ones were kept before).
/// </summary>
/// <param name="Scope">The report's scope: <see cref="WorkbookMarker.AllClinics"/> or a clinic id.</param>
public sealed record ReportSnapshotRequest(
    string Scope,
    DateOnly AsOf,
    IReadOnlyList<TrendMonth> Trend,
    IReadOnlyList<CohortRow> Cohorts,
    IReadOnlyList<OutreachMonth> Outreach,
    bool Restate);
