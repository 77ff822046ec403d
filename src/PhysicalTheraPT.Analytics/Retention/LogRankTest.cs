namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// The log-rank test of two groups over whole-day times (Mantel 1966; Peto and Peto 1972), as R's
/// <c>survdiff</c> computes it: on each day with events, the first group's expected events
/// d·n₁/n and the hypergeometric variance d·(n₁/n)(1 − n₁/n)(n − d)/(n − 1); the statistic
/// (O₁ − E₁)²/V is chi-square with one degree of freedom. Censoring as in <see cref="KaplanMeier"/>.
/// </summary>
internal static class LogRankTest
{
    /// <summary>The test; its p-value is null when nothing can be compared (no events, or a group empty).</summary>
    public static LogRankResult Compare(
        IReadOnlyList<int> events1, IReadOnlyList<int> censored1, IReadOnlyList<int> events2, IReadOnlyList<int> censored2)
    {
        var days = events1.Count;
        if (censored1.Count != days || events2.Count != days || censored2.Count != days)
        {
            throw new ArgumentException("Both groups must be counted over the same days.");
        }

        int atRisk1 = 0, atRisk2 = 0;
        for (var t = 0; t < days; t++)
        {
            atRisk1 += events1[t] + censored1[t];
            atRisk2 += events2[t] + censored2[t];
        }

        double observed1 = 0, expected1 = 0, variance = 0, observed2 = 0;
        for (var t = 0; t < days; t++)
        {
            var died = events1[t] + events2[t];
            var atRisk = atRisk1 + atRisk2;
            if (died > 0)
            {
                var share = (double)atRisk1 / atRisk;
                observed1 += events1[t];
                observed2 += events2[t];
                expected1 += died * share;
                if (atRisk > 1)
                {
                    variance += died * share * (1 - share) * (atRisk - died) / (atRisk - 1);
                }
            }

            atRisk1 -= events1[t] + censored1[t];
            atRisk2 -= events2[t] + censored2[t];
        }

        var expected2 = observed1 + observed2 - expected1;
        if (variance <= 0)
        {
            return new LogRankResult(observed1, expected1, observed2, expected2, null, null);
        }

        var chiSquare = (observed1 - expected1) * (observed1 - expected1) / variance;
        return new LogRankResult(observed1, expected1, observed2, expected2, chiSquare, NormalDistribution.ChiSquareOneDegreeP(chiSquare));
    }
}

/// <summary>Observed and expected events per group, the chi-square (one degree of freedom) and its p-value.</summary>
internal sealed record LogRankResult(
    double Observed1, double Expected1, double Observed2, double Expected2, double? ChiSquare, double? P);
