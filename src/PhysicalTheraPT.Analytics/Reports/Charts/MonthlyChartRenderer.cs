using ScottPlot;

namespace PhysicalTheraPT.Analytics.Reports.Charts;

/// <summary>Draws the monthly report's charts as PNG images of the configured size.</summary>
internal sealed class MonthlyChartRenderer(ReportsOptions options)
{
    public IReadOnlyList<ChartImage> Render(MonthlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        ChartFont.Use(options.ChartFont);
        return
        [
            Png(ConversionTrendChart.Key, ConversionTrendChart.Title, ConversionTrendChart.Draw(report)),
            Png(CompletionsByEndTypeChart.Key, CompletionsByEndTypeChart.Title, CompletionsByEndTypeChart.Draw(report)),
            Png(CohortUptakeChart.Key, CohortUptakeChart.Title, CohortUptakeChart.Draw(report)),
            Png(FunnelChart.Key, FunnelChart.TitleFor(report), FunnelChart.Draw(report, options.ChartMostClinics)),
            Png(ActiveMaintenanceChart.Key, ActiveMaintenanceChart.Title, ActiveMaintenanceChart.Draw(report)),
            Png(RecurrenceChart.Key, RecurrenceChart.TitleFor(report.Recurrence), RecurrenceChart.Draw(report)),
            Png(OutreachChart.Key, OutreachChart.Title, OutreachChart.Draw(report)),
        ];
    }

    private ChartImage Png(string key, string title, Plot plot)
    {
        using (plot)
        {
            return new ChartImage(key, title, plot.GetImageBytes(options.ChartWidth, options.ChartHeight, ImageFormat.Png), options.ChartWidth, options.ChartHeight);
        }
    }
}

/// <summary>
/// A rendered chart: <see cref="Key"/> names its file (<c>retention-2026-03-conversion-trend.png</c>),
/// <see cref="Title"/> is also the picture's alternative text in the workbook.
/// </summary>
internal sealed record ChartImage(string Key, string Title, byte[] Png, int Width, int Height);
