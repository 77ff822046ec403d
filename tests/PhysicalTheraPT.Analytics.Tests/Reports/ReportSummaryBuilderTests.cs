using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

public sealed class ReportSummaryBuilderTests
{
    private static readonly CalendarMonth March = new(2026, 3);
    private static readonly DateOnly AsOf = new(2026, 4, 1);

    [Fact]
    public void Build_ShowsConversionOfTheLatestMaturedCohort_NotTheMaturingReportMonth()
    {
        var trend = Trend();

        var summary = ReportSummaryBuilder.Build(March, AsOf, trend, [28, 60, 90], []);

        var conversion28 = summary.Headlines.Single(headline => headline.Measure == "Conversion within 28 days");
        var february = trend.Single(month => month.Month == new CalendarMonth(2026, 2));
        var january = trend.Single(month => month.Month == new CalendarMonth(2026, 1));
        Assert.Equal(new CalendarMonth(2026, 2), conversion28.ValueMonth);
        Assert.Equal(february.Conversion(28)!.Rate, conversion28.Value);
        Assert.Equal(january.Conversion(28)!.Rate, conversion28.MonthBefore);
        Assert.Contains(summary.LatestMaturedCohorts, cohort => cohort is { WindowDays: 90, CohortMonth: { Year: 2025, Month: 12 } });
    }

    [Fact]
    public void Build_ComparesCountsWithTheMonthBeforeAndTheTwelveMonthMedian()
    {
        var trend = Trend();

        var summary = ReportSummaryBuilder.Build(March, AsOf, trend, [28, 60, 90], []);

        var completions = summary.Headlines.Single(headline => headline.Measure == MeasureNames.AcuteCompletions);
        Assert.Equal(trend[^1].AcuteCompletions, completions.Value);
        Assert.Equal(trend[^2].AcuteCompletions, completions.MonthBefore);
        Assert.Equal(ReportStatistics.Median(trend.Select(month => (double)month.AcuteCompletions)), completions.TwelveMonthMedian);
        Assert.True(completions.Provisional);
        Assert.Contains("Provisional", completions.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LeavesTheMedianBlank_WhenOnlyTheReportMonthHasACount()
    {
        // Patients to call are counted as of the report's date: the months before have no count.
        var trend = Trend();

        var summary = ReportSummaryBuilder.Build(March, AsOf, trend, [28, 60, 90], []);

        var dropped = summary.Headlines.Single(headline => headline.Measure == MeasureNames.DroppedAfterAcute);
        Assert.Equal(trend[^1].DroppedAfterAcute, dropped.Value);
        Assert.Null(dropped.MonthBefore);
        Assert.Null(dropped.TwelveMonthMedian);
    }

    [Fact]
    public void Build_SaysNoCohortMatured_WhenEveryMonthIsStillMaturing()
    {
        TrendMonth[] trend = [MonthlyReportBuilder.TrendFor(March, AsOf)];

        var summary = ReportSummaryBuilder.Build(March, AsOf, trend, [28], []);

        var conversion = summary.Headlines.Single(headline => headline.Measure == "Conversion within 28 days");
        Assert.Null(conversion.Value);
        Assert.Equal(ChangeDirection.NotComparable, conversion.Direction);
        Assert.Null(summary.LatestMaturedCohorts.Single().CohortMonth);
    }

    [Theory]
    [InlineData(30, 100, 45, 100, nameof(ChangeDirection.Up))]
    [InlineData(3, 10, 5, 10, nameof(ChangeDirection.NoClearChange))]
    [InlineData(3, 10, 3, 10, nameof(ChangeDirection.Unchanged))]
    public void Build_CallsAConversionMoveUp_OnlyWhenTheTestSaysItIsMoreThanChance(int convertedBefore, int before, int convertedNow, int now, string expected)
    {
        TrendMonth[] trend =
        [
            MonthlyReportBuilder.TrendFor(new(2025, 11), AsOf) with { Conversions = [ConversionCell.Matured(28, before, convertedBefore)] },
            MonthlyReportBuilder.TrendFor(new(2025, 12), AsOf) with { Conversions = [ConversionCell.Matured(28, now, convertedNow)] },
        ];

        var summary = ReportSummaryBuilder.Build(March, AsOf, trend, [28], []);

        var conversion = summary.Headlines.Single(headline => headline.Measure == "Conversion within 28 days");
        Assert.Equal(Enum.Parse<ChangeDirection>(expected), conversion.Direction);
        Assert.Contains("95% interval", conversion.Note);
    }

    [Theory]
    [InlineData(new double[] { 3, 1, 2 }, 2)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    public void Median_TakesTheMiddleOrTheMeanOfTheTwoMiddleValues(double[] values, double expected)
    {
        Assert.Equal(expected, ReportStatistics.Median(values));
    }

    [Fact]
    public void Find_SkipsTheProvisionalMonth_WhenComparingCompletions()
    {
        var trend = Trend();

        var changes = MetricChangeFinder.Find("Eastside", March, trend, [28]);

        var completions = changes.Single(change => change.Measure == "Acute completions");
        Assert.Equal((new CalendarMonth(2026, 1), new CalendarMonth(2026, 2)), (completions.BeforeMonth, completions.AfterMonth));
        Assert.All(changes, change => Assert.Equal("Eastside", change.Place));
    }

    private static List<TrendMonth> Trend() =>
        [.. Enumerable.Range(0, 12).Select(offset => MonthlyReportBuilder.TrendFor(March.AddMonths(offset - 11), AsOf))];
}
