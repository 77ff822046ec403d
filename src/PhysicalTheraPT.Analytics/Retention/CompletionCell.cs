namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>Counters for the acute completions of one month in one scope.</summary>
internal sealed class CompletionCell(int windowCount, bool keepsBreakdowns)
{
    public int Completions;
    public readonly int[] ByEndType = new int[AcuteEndTypeNames.All.Count];

    /// <summary>Converted completions per window of <see cref="MetricsWindows.All"/>.</summary>
    public readonly int[] Converted = new int[windowCount];

    public readonly VisitHistogram Visits = new();

    public int RecurrenceConverted;
    public int RecurrenceConvertedRecurred;
    public int RecurrenceNotConverted;
    public int RecurrenceNotConvertedRecurred;

    /// <summary>Only the trend months keep breakdowns; the older recurrence months need none.</summary>
    public readonly Dictionary<(BreakdownDimension Dimension, string Key), BreakdownCell>? Breakdowns = keepsBreakdowns ? [] : null;
}
