namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Visit counts per episode as a histogram (count of episodes per number of visits), so percentiles
/// need memory for the largest visit count, not for every episode.
/// </summary>
internal sealed class VisitHistogram
{
    private int[] episodesByVisits = new int[32];

    public int Episodes { get; private set; }

    public void Add(int visits)
    {
        if (visits >= episodesByVisits.Length)
        {
            Array.Resize(ref episodesByVisits, Math.Max(visits + 1, episodesByVisits.Length * 2));
        }

        episodesByVisits[visits]++;
        Episodes++;
    }

    /// <summary>As Excel's PERCENTILE.INC: rank h = p × (n − 1), interpolated between the values at ⌊h⌋ and ⌊h⌋ + 1.</summary>
    public double? Percentile(double p)
    {
        if (Episodes == 0)
        {
            return null;
        }

        var rank = p * (Episodes - 1);
        var lower = (int)Math.Floor(rank);
        var below = ValueAt(lower);
        var fraction = rank - lower;
        return fraction == 0 ? below : below + (fraction * (ValueAt(lower + 1) - below));
    }

    public VisitDistribution ToDistribution() => new(Episodes, Percentile(0.5), Percentile(0.25), Percentile(0.75));

    /// <summary>The visit count of the episode at a 0-based rank in ascending order.</summary>
    private int ValueAt(int rank)
    {
        var seen = 0;
        for (var visits = 0; visits < episodesByVisits.Length; visits++)
        {
            seen += episodesByVisits[visits];
            if (seen > rank)
            {
                return visits;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(rank), rank, "Beyond the last episode.");
    }
}

/// <summary>
/// Completed acute visits per episode completed in a month: quartiles as Excel's PERCENTILE.INC
/// (linear interpolation between closest ranks); null when no episode completed.
/// </summary>
internal sealed record VisitDistribution(int Episodes, double? Median, double? P25, double? P75);
