using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Retention;

/// <summary>Wilson intervals, the two-proportion test and the normal distribution against published values.</summary>
public sealed class ProportionsTests
{
    /// <summary>
    /// Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of seven
    /// methods", Statistics in Medicine 17:857–872, Table I, method 3 (score interval without continuity
    /// correction), given to four decimals.
    /// </summary>
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    [InlineData(29, 29, 0.8830, 1.0000)]
    public void Wilson_MatchesNewcombeTableI(int successes, int trials, double low, double high)
    {
        var interval = Proportions.Wilson(successes, trials)!.Value;

        Assert.Equal(low, interval.Low, 4);
        Assert.Equal(high, interval.High, 4);
    }

    [Fact]
    public void Wilson_IsExactlyZeroAndOne_AtNoAndAllSuccesses()
    {
        Assert.Equal(0, Proportions.Wilson(0, 7)!.Value.Low);
        Assert.Equal(1, Proportions.Wilson(7, 7)!.Value.High);
        Assert.Null(Proportions.Wilson(0, 0));
    }

    [Fact]
    public void Wilson_OfAGroupOfOne_SpansMostOfTheScale()
    {
        var interval = Proportions.Wilson(1, 1)!.Value;

        // 1/(1 + z²) = 0.2065: one patient tells almost nothing.
        Assert.Equal(0.2065, interval.Low, 4);
        Assert.Equal(1, interval.High);
    }

    [Fact]
    public void TwoProportionP_MatchesTheTextbookExample()
    {
        // 24/120 against 38/120 (the "19% to 32% on 120 patients"): p̂ = 62/240,
        // z = (0.2 − 0.31667)/√(p̂(1−p̂)·2/120) = −2.0646, two-sided p = 0.03896.
        var p = Proportions.TwoProportionP(24, 120, 38, 120)!.Value;

        Assert.Equal(0.03896, p, 5);
    }

    [Theory]
    [InlineData(0, 10, 0, 12)]
    [InlineData(10, 10, 12, 12)]
    [InlineData(3, 10, 0, 0)]
    [InlineData(0, 0, 3, 10)]
    public void TwoProportionP_IsBlank_WhenEitherGroupIsEmptyOrBothRatesAreZeroOrOne(int x1, int n1, int x2, int n2)
    {
        Assert.Null(Proportions.TwoProportionP(x1, n1, x2, n2));
    }

    [Fact]
    public void TwoProportionP_IsOne_WhenTheRatesAreEqual()
    {
        Assert.Equal(1, Proportions.TwoProportionP(5, 20, 10, 40)!.Value, 12);
    }

    [Theory]
    [InlineData(0.975, 1.959964)]
    [InlineData(0.5, 0)]
    [InlineData(0.05, -1.644854)]
    [InlineData(1e-6, -4.753424)]
    public void Quantile_GivesTheTabulatedPoints(double p, double expected)
    {
        Assert.Equal(expected, NormalDistribution.Quantile(p), 6);
    }

    [Theory]
    [InlineData(1.959964, 0.05)]
    [InlineData(3.290527, 0.001)]
    [InlineData(6.109410, 1e-9)]
    public void TwoSidedP_GivesTheTabulatedLevels(double z, double expected)
    {
        Assert.Equal(1, NormalDistribution.TwoSidedP(z) / expected, 5);
    }

    [Fact]
    public void Cdf_IsSmoothWhereTheTwoMethodsMeet()
    {
        // erfc switches from the series to the continued fraction at 2: the two sides must agree.
        var below = NormalDistribution.Erfc(2 - 1e-12);
        var above = NormalDistribution.Erfc(2 + 1e-12);

        Assert.Equal(0.004677734981047266, (below + above) / 2, 14);
    }
}
