namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Completed acute visits per episode completed in a month: quartiles as Excel's PERCENTILE.INC
/// (linear interpolation between closest ranks); null when no episode completed.
/// </summary>
public sealed record VisitDistribution(int Episodes, double? Median, double? P25, double? P75);
