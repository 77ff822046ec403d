namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Uncertainty of a rate of patients, and whether two rates differ by more than chance: the Wilson
/// score interval (Wilson 1927; method 3 of Newcombe 1998), which stays inside 0-1 and behaves at 0 and n
/// successes where the textbook ± interval does not, and the pooled two-proportion z-test.
/// </summary>
internal static class Proportions
{
    /// <summary>
    /// The Wilson score interval of <paramref name="successes"/> out of <paramref name="trials"/>:
    /// (p + z²/2n ± z √(p(1−p)/n + z²/4n²)) / (1 + z²/n). Null for no trials.
    /// </summary>
    public static RateInterval? Wilson(int successes, int trials, double z = NormalDistribution.Z95)
    {
        if (trials <= 0)
        {
            return null;
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, "Successes must lie between 0 and the trials.");
        }

        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));

        // At 0 and n successes the bound is exactly 0 or 1; rounding must not put it a hair outside.
        var low = successes == 0 ? 0 : Math.Max(0, centre - half);
        var high = successes == trials ? 1 : Math.Min(1, centre + half);
        return new RateInterval(low, high);
    }

    /// <summary>
    /// Two-sided p-value of the pooled two-proportion z-test (no continuity correction):
    /// z = (p₁ − p₂) / √(p̂(1−p̂)(1/n₁ + 1/n₂)) with p̂ = (x₁ + x₂)/(n₁ + n₂). Null when either group is
    /// empty, or both rates are 0 or both are 1 (the pooled variance is then 0: nothing to test).
    /// </summary>
    public static double? TwoProportionP(int successes1, int trials1, int successes2, int trials2)
    {
        if (trials1 <= 0 || trials2 <= 0)
        {
            return null;
        }

        var pooled = (double)(successes1 + successes2) / (trials1 + trials2);
        if (pooled <= 0 || pooled >= 1)
        {
            return null;
        }

        var p1 = (double)successes1 / trials1;
        var p2 = (double)successes2 / trials2;
        var standardError = Math.Sqrt(pooled * (1 - pooled) * (1.0 / trials1 + 1.0 / trials2));
        return NormalDistribution.TwoSidedP((p1 - p2) / standardError);
    }
}

/// <summary>A 95% interval of a rate or share, fractions 0-1.</summary>
internal readonly record struct RateInterval(double Low, double High)
{
    /// <summary>True when the whole interval lies above <paramref name="value"/>.</summary>
    public bool IsAbove(double value) => Low > value;

    /// <summary>True when the whole interval lies below <paramref name="value"/>.</summary>
    public bool IsBelow(double value) => High < value;
}
