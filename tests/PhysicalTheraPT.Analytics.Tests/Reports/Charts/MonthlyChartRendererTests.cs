using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Reports.Charts;
using SkiaSharp;

namespace PhysicalTheraPT.Analytics.Tests.Reports.Charts;

public sealed class MonthlyChartRendererTests
{
    [Fact]
    public void Render_DrawsSevenNamedChartsOfTheConfiguredSize()
    {
        var renderer = new MonthlyChartRenderer(new ReportsOptions { ChartWidth = 800, ChartHeight = 400 });

        var charts = renderer.Render(new MonthlyReportBuilder().ForClinic("C01", "Eastside").Build());

        Assert.Equal(["conversion-trend", "completions-by-end-type", "cohort-uptake", "clinics", "active-maintenance", "recurrence", "outreach"], charts.Select(chart => chart.Key));
        Assert.All(charts, chart =>
        {
            using var bitmap = SKBitmap.Decode(chart.Png);
            Assert.Equal((800, 400), (bitmap.Width, bitmap.Height));
            Assert.False(string.IsNullOrWhiteSpace(chart.Title));
        });
    }

    [Fact]
    public void Render_DrawsACaptionedChart_WhenThereIsNoDataToPlot()
    {
        var renderer = new MonthlyChartRenderer(new ReportsOptions());
        var empty = new MonthlyReportBuilder().WithTrend([]).WithCohorts([]).WithOutreach(null).Build() with
        {
            Recurrence = MonthlyReportBuilder.EmptyRecurrence(new(2025, 3)),
        };

        var charts = renderer.Render(empty);

        Assert.All(charts, chart =>
        {
            using var bitmap = SKBitmap.Decode(chart.Png);
            Assert.True(DistinctColours(bitmap) > 10, chart.Key + " should still show its title, axes and a 'no data' caption");
        });
    }

    [Fact]
    public void Render_ThrowsAnErrorSayingHowToInstallTheFont_WhenTheFontIsMissing()
    {
        var renderer = new MonthlyChartRenderer(new ReportsOptions { ChartFont = "No Such Font Family 7" });

        var error = Assert.Throws<UserInputException>(() => renderer.Render(new MonthlyReportBuilder().Build()));

        Assert.Contains("\"No Such Font Family 7\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
        Assert.Contains("Reports:ChartFont", error.Message, StringComparison.Ordinal);
    }

    private static int DistinctColours(SKBitmap bitmap)
    {
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }

        return colours.Count;
    }
}
