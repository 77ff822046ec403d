namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>The parts of a flag's priority (docs/definitions.md) and the counts its explanation names.</summary>
internal readonly record struct PriorityPoints(int Recency, int Unplanned, int Reinjury, int Invested, int EndedEpisodes, int Visits)
{
    /// <summary>The parts added up, capped at 100.</summary>
    public int Priority => Math.Min(100, Recency + Unplanned + Reinjury + Invested);
}
