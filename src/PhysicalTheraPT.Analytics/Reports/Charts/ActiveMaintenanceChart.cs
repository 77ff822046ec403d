using System.Globalization;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using ScottPlot;

namespace PhysicalTheraPT.Analytics.Reports.Charts;

/// <summary>Active maintenance patients at each month end, as labelled bars.</summary>
internal static class ActiveMaintenanceChart
{
    public const string Key = "active-maintenance";

    public const string Title = "Active maintenance patients at month end";

    public static Plot Draw(MonthlyReport report)
    {
        var months = ReportSummaryBuilder.LastTwelve(report.Month, report.Trend);
        var plot = ChartCanvas.Create(Title, "Month", "Patients with a recent maintenance visit");
        if (months.Count == 0)
        {
            ChartCanvas.NoData(plot, "No months to show");
            return plot;
        }

        var colour = ChartCanvas.Colour(ReportPalette.Window(0));
        var bars = months.Select((month, position) => new Bar
        {
            Position = position,
            Value = month.ActiveMaintenancePatients,
            FillColor = colour,
            LineWidth = 0,
            Size = 0.7,
            Label = month.ActiveMaintenancePatients.ToString("#,##0", CultureInfo.InvariantCulture),
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontSize = 15;
        ChartCanvas.MonthTicks(plot, [.. months.Select(month => month.Month)]);
        ChartCanvas.CountAxis(plot, months.Max(month => month.ActiveMaintenancePatients));
        return plot;
    }
}
