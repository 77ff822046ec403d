using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports.Snapshots;

/// <summary>Which number: a month and a metric name such as <c>acute_completions</c> or <c>conversion.28.converted</c>.</summary>
public readonly record struct SnapshotKey(CalendarMonth Month, string Metric);
