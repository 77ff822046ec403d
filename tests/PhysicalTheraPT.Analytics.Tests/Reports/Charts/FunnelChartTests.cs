using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Reports.Charts;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Reports.Charts;

public sealed class FunnelChartTests
{
    [Fact]
    public void Draw_PlotsEachClinicAgainstItsCompletions_WithTheGroupRateAndLimitsThatNarrowWithSize()
    {
        var report = new MonthlyReportBuilder().Build();
        var clinics = Enumerable.Range(1, 30).Select(number => Matured($"Clinic {number:00}", number * 5, number)).ToList();
        report = report with { Breakdowns = report.Breakdowns with { Clinics = clinics, Group = Matured("All clinics", 2325, 465) } };

        using var plot = FunnelChart.Draw(report, mostLabels: 12);
        plot.RenderInMemory(1200, 600);

        Assert.Equal("Conversion within 28 days by clinic, against the group's 95% limits", plot.Axes.Title.Label.Text);
        var scatters = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToList();
        var points = scatters.Where(scatter => scatter.Data.GetScatterPoints().Count == 1).ToList();
        Assert.Equal(30, points.Count);
        Assert.Equal(12, plot.GetPlottables<ScottPlot.Plottables.Text>().Count());
        var upper = scatters.Where(scatter => scatter.Data.GetScatterPoints().Count == 200).Select(scatter => scatter.Data.GetScatterPoints()).MaxBy(limit => limit[^1].Y)!;
        // Group 20%: at the right edge (115% of the largest clinic, n = 172.5) the upper limit is 20% + 1.96·√(0.16/172.5) = 25.97%.
        Assert.Equal(25.97, upper[^1].Y, 2);
        Assert.True(upper[10].Y > upper[^1].Y);
        Assert.Equal(20, plot.GetPlottables<ScottPlot.Plottables.HorizontalLine>().Single().Y, 6);
    }

    [Fact]
    public void Draw_SaysSo_WhenNoClinicHasAKnownRate()
    {
        var report = new MonthlyReportBuilder().Build();

        using var plot = FunnelChart.Draw(report, mostLabels: 12);

        Assert.Contains("No clinic has a known 28-day rate", plot.GetPlottables<ScottPlot.Plottables.Text>().Single().LabelText, StringComparison.Ordinal);
    }

    private static BreakdownLine Matured(string name, int completions, int converted) =>
        new(name, null, completions, [ConversionCell.Matured(28, completions, converted), ConversionCell.Matured(60, completions, converted), ConversionCell.Matured(90, completions, converted)]);
}
