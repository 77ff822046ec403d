using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Retention;

/// <summary>
/// Kaplan–Meier, Greenwood and the log-rank test on the classic remission data of Freireich et al. (1963),
/// as tabulated by Gehan (1965, Biometrika 52:203–223): weeks in remission of 21 children on 6-MP and 21
/// on placebo, censored times marked.
/// </summary>
public sealed class SurvivalTests
{
    private static readonly (int Weeks, bool Relapsed)[] SixMp =
    [
        (6, true), (6, true), (6, true), (6, false), (7, true), (9, false), (10, true), (10, false), (11, false), (13, true), (16, true),
        (17, false), (19, false), (20, false), (22, true), (23, true), (25, false), (32, false), (32, false), (34, false), (35, false),
    ];

    private static readonly (int Weeks, bool Relapsed)[] Placebo =
        [.. new[] { 1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23 }.Select(weeks => (weeks, true))];

    /// <summary>
    /// Kaplan–Meier of the 6-MP group with Greenwood standard errors, as in every textbook table of these
    /// data (Kleinbaum and Klein, Survival Analysis: A Self-Learning Text, chapter 2), with the 95% log(−log)
    /// interval R gives for survfit(conf.type = "log-log"), all to the three decimals they are published with.
    /// </summary>
    [Theory]
    [InlineData(6, 21, 3, 0.857, 0.076, 0.620, 0.952)]
    [InlineData(7, 17, 1, 0.807, 0.087, 0.563, 0.923)]
    [InlineData(10, 15, 1, 0.753, 0.096, 0.503, 0.889)]
    [InlineData(13, 12, 1, 0.690, 0.107, 0.432, 0.849)]
    [InlineData(16, 11, 1, 0.627, 0.114, 0.368, 0.805)]
    [InlineData(22, 7, 1, 0.538, 0.128, 0.268, 0.747)]
    [InlineData(23, 6, 1, 0.448, 0.135, 0.188, 0.680)]
    public void Estimate_MatchesTheFreireichSixMpTable(int week, int atRisk, int relapses, double survival, double standardError, double low, double high)
    {
        var curve = KaplanMeier.Estimate(Events(SixMp), Censored(SixMp));

        var step = curve.Steps.Single(s => s.Day == week);
        Assert.Equal((atRisk, relapses), (step.AtRisk, step.Events));
        Assert.Equal(survival, step.Survival, 3);
        Assert.Equal(standardError, step.Survival * Math.Sqrt(step.GreenwoodSum), 3);
        Assert.Equal(low, step.Interval!.Value.Low, 3);
        Assert.Equal(high, step.Interval!.Value.High, 3);
    }

    [Fact]
    public void Estimate_CarriesSurvivalForward_BetweenEvents()
    {
        var curve = KaplanMeier.Estimate(Events(SixMp), Censored(SixMp));

        Assert.Equal(1, curve.SurvivalAt(5));
        Assert.Null(curve.IntervalAt(5));
        Assert.Equal(curve.Steps.Single(s => s.Day == 16).Survival, curve.SurvivalAt(21));
        Assert.Equal(curve.Steps[^1].Survival, curve.SurvivalAt(35));
    }

    /// <summary>
    /// R: survdiff(Surv(time, status) ~ group) gives placebo 21 observed, 10.7 expected; 6-MP 9 observed,
    /// 19.3 expected; "Chisq= 16.8 on 1 degrees of freedom, p= 4.17e-05" (output reproduced at
    /// https://rstudio-pubs-static.s3.amazonaws.com/79128_036da04b5d9e4a20b30803e3f08363fe.html).
    /// </summary>
    [Fact]
    public void Compare_MatchesSurvdiff_OnTheFreireichData()
    {
        var result = LogRankTest.Compare(Events(SixMp), Censored(SixMp), Events(Placebo), Censored(Placebo));

        Assert.Equal(9, result.Observed1);
        Assert.Equal(19.25, result.Expected1, 2);
        Assert.Equal(10.75, result.Expected2, 2);
        Assert.Equal(16.79, result.ChiSquare!.Value, 2);
        Assert.Equal(4.17e-5, result.P!.Value, 7);
    }

    [Fact]
    public void Estimate_GoesToZeroWithoutInterval_WhenEveryoneHasTheEvent()
    {
        var curve = KaplanMeier.Estimate(Events(Placebo), Censored(Placebo));

        Assert.Equal(0, curve.SurvivalAt(23));
        Assert.Null(curve.IntervalAt(23));
        Assert.NotNull(curve.IntervalAt(22));
    }

    [Fact]
    public void Estimate_StaysAtOneWithoutInterval_WhenEveryoneIsCensored()
    {
        (int, bool)[] censoredOnly = [(3, false), (5, false), (5, false)];

        var curve = KaplanMeier.Estimate(Events(censoredOnly), Censored(censoredOnly));

        Assert.Empty(curve.Steps);
        Assert.Equal(1, curve.SurvivalAt(10));
        Assert.Null(curve.IntervalAt(10));
    }

    [Fact]
    public void Estimate_KeepsThoseCensoredOnAnEventDay_AtRiskForThatDaysEvents()
    {
        // Day 4: one event and one censoring among 4 at risk → S = 3/4 (not 2/3); day 6: 1 of 2 → 3/8.
        (int, bool)[] tied = [(4, true), (4, false), (6, true), (7, false)];

        var curve = KaplanMeier.Estimate(Events(tied), Censored(tied));

        Assert.Equal(0.75, curve.SurvivalAt(4));
        Assert.Equal(0.375, curve.SurvivalAt(6));
        Assert.Equal(2, curve.Steps[1].AtRisk);
    }

    [Fact]
    public void Estimate_OfAGroupOfOne_IsOneThenZero()
    {
        (int, bool)[] one = [(3, true)];

        var curve = KaplanMeier.Estimate(Events(one), Censored(one));

        Assert.Equal((1, 1.0, 0.0), (curve.Size, curve.SurvivalAt(2)!.Value, curve.SurvivalAt(3)!.Value));
    }

    [Fact]
    public void Compare_HasNoP_WhenNoOneHasTheEvent_OrAGroupIsEmpty()
    {
        (int, bool)[] censoredOnly = [(3, false), (5, false)];
        (int, bool)[] none = [];

        Assert.Null(LogRankTest.Compare(Events(censoredOnly), Censored(censoredOnly), Events(censoredOnly), Censored(censoredOnly)).P);
        Assert.Null(LogRankTest.Compare(Events(SixMp), Censored(SixMp), Events(none), Censored(none)).P);
    }

    [Fact]
    public void Compare_IsOne_ForTwoIdenticalGroups()
    {
        var result = LogRankTest.Compare(Events(SixMp), Censored(SixMp), Events(SixMp), Censored(SixMp));

        Assert.Equal(0, result.ChiSquare!.Value, 12);
        Assert.Equal(1, result.P!.Value, 12);
    }

    internal static int[] Events(IEnumerable<(int Day, bool Event)> sample) => Count(sample, wantEvent: true);

    internal static int[] Censored(IEnumerable<(int Day, bool Event)> sample) => Count(sample, wantEvent: false);

    private static int[] Count(IEnumerable<(int Day, bool Event)> sample, bool wantEvent)
    {
        var counts = new int[40];
        foreach (var (day, isEvent) in sample)
        {
            counts[day] += isEvent == wantEvent ? 1 : 0;
        }

        return counts;
    }
}
