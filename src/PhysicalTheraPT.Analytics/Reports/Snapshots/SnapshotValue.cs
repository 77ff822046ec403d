namespace PhysicalTheraPT.Analytics.Reports.Snapshots;

/// <summary>
/// One number of one month as a workbook reported it. <see cref="Final"/>: it was reported as final
/// (not provisional, not maturing), so later workbooks show exactly this unless restated.
/// </summary>
/// <param name="Value">Null when the number was not known (no rate without completions, no median).</param>
/// <param name="RestatedAt">When a restatement last changed it (UTC); null when never.</param>
public sealed record SnapshotValue(double? Value, bool Final, DateTime? RestatedAt = null);
