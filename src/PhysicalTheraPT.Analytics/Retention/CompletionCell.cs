namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>Counters for the acute completions of one month in one scope.</summary>
internal sealed class CompletionCell(int windowCount, bool keepsBreakdowns)
{
    public int Completions;
    public readonly int[] ByEndType = new int[AcuteEndTypeNames.All.Count];

    /// <summary>Converted completions per window of <see cref="MetricsWindows.All"/>.</summary>
    public readonly int[] Converted = new int[windowCount];

    public readonly VisitHistogram Visits = new();

    /// <summary>
    /// Per dimension (indexed by <see cref="BreakdownDimension"/>), the counts per key. Only the trend
    /// months keep breakdowns; the older recurrence months need none. String keys alone (not tuples) let
    /// the dictionary use its fast ordinal string hashing.
    /// </summary>
    public readonly Dictionary<string, BreakdownCell>[]? Breakdowns = keepsBreakdowns
        ? [.. Enum.GetValues<BreakdownDimension>().Select(_ => new Dictionary<string, BreakdownCell>(StringComparer.Ordinal))]
        : null;
}
