using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Reports.Charts;

namespace PhysicalTheraPT.Analytics.Tests.Reports.Charts;

public sealed class ClinicConversionChartTests
{
    [Fact]
    public void Draw_ShowsTheBusiestClinicsOnly_AndSaysSoInTheTitle_WhenThereAreMoreThanFit()
    {
        var report = new MonthlyReportBuilder().Build();
        var clinics = Enumerable.Range(1, 50)
            .Select(number => new BreakdownLine(number == 44 ? "Northside Physio & Massage, 2nd floor" : $"Clinic {number:00}", $"C{number:00}", number, [ConversionCell.Matured(28, number, number / 3), ConversionCell.Matured(60, number, number / 2), ConversionCell.Matured(90, number, number / 2)]))
            .ToList();
        report = report with { Breakdowns = report.Breakdowns with { Clinics = clinics } };

        using var plot = ClinicConversionChart.Draw(report, mostClinics: 12);
        plot.RenderInMemory(1200, 600);

        Assert.Equal("Conversion to maintenance by clinic (12 busiest of 50)", plot.Axes.Title.Label.Text);
        var bars = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().Single().Bars;
        Assert.Equal(12 * 3, bars.Count);
        var labels = ((ScottPlot.TickGenerators.NumericManual)plot.Axes.Left.TickGenerator).Ticks.OrderByDescending(tick => tick.Position).Select(tick => tick.Label);
        Assert.Equal(Enumerable.Range(39, 12).Select(number => number == 44 ? "Northside Physio & Massage, 2nd floor" : $"Clinic {number:00}").Order(StringComparer.Ordinal), labels);
    }
}
