namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>Completions and converted counts (per window of <see cref="MetricsWindows.All"/>) for one breakdown value.</summary>
internal sealed class BreakdownCell(int windowCount)
{
    public int Completions;
    public readonly int[] Converted = new int[windowCount];
}
