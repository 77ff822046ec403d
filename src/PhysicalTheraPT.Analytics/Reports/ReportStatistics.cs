namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>The one statistic the report computes itself: the median of a handful of monthly values.</summary>
public static class ReportStatistics
{
    /// <summary>The middle value, or the mean of the two middle values; null for no values.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
