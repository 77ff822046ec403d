namespace PhysicalTheraPT.Analytics.Reports.Snapshots;

/// <summary>
/// What a workbook of one scope shows for its months: the trend, cohorts and outreach months after the
/// kept numbers were applied, the restated months, and the Outreach sheet around those months.
/// </summary>
public sealed record ShownScopeNumbers(ReportSnapshotResult Kept, OutreachReport Outreach);
