using System.Globalization;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using ScottPlot;

namespace PhysicalTheraPT.Analytics.Reports.Charts;

/// <summary>
/// Outreach month by month: patients contacted, reached and booked after outreach, side by side, with the
/// conversion above each month. Months whose bookings can still grow are pale and marked *.
/// </summary>
internal static class OutreachChart
{
    public const string Key = "outreach";

    public const string Title = "Outreach: patients contacted, reached and booked after outreach";

    public static Plot Draw(MonthlyReport report)
    {
        var months = report.Outreach?.Months.Where(month => month.Month <= report.Month).OrderBy(month => month.Month).TakeLast(12).ToList() ?? [];
        var anyProvisional = months.Any(month => month.Provisional);
        var plot = ChartCanvas.Create(Title, anyProvisional ? "Month   (* bookings can still grow)" : "Month", "Patients");
        if (months.All(month => month.Contacted == 0))
        {
            ChartCanvas.NoData(plot, "No calls recorded in these months");
            return plot;
        }

        (string Label, string Colour, Func<OutreachMonth, int> Value)[] series =
        [
            ("Contacted", ReportPalette.Window(0), month => month.Contacted),
            ("Reached", ReportPalette.Window(1), month => month.Reached),
            ("Booked after outreach", ReportPalette.Window(2), month => month.BookedAfterOutreach),
        ];
        const double Width = 0.8;
        var size = Width / series.Length;
        var bars = new List<Bar>();
        for (var position = 0; position < months.Count; position++)
        {
            for (var index = 0; index < series.Length; index++)
            {
                var pale = index == 2 && months[position].Provisional;
                var colour = ChartCanvas.Colour(series[index].Colour);
                bars.Add(new Bar
                {
                    Position = position - (Width / 2) + (size * (index + 0.5)),
                    Value = series[index].Value(months[position]),
                    Size = size * 0.9,
                    FillColor = pale ? colour.WithAlpha(0.35) : colour,
                    LineColor = colour,
                    LineWidth = pale ? 2 : 0,
                });
            }
        }

        plot.Add.Bars(bars);
        var highest = months.Max(month => month.Contacted);
        foreach (var (month, position) in months.Select((month, position) => (month, position)))
        {
            if (month.Conversion is not { } conversion)
            {
                continue;
            }

            var label = plot.Add.Text((conversion * 100).ToString("0", CultureInfo.InvariantCulture) + "%", position, month.Contacted + (highest * 0.04));
            label.LabelFontSize = 15;
            label.LabelAlignment = Alignment.LowerCenter;
            label.LabelFontColor = ChartCanvas.Colour(month.Provisional ? ReportPalette.NotFinalText : ReportPalette.Title);
        }

        ChartCanvas.MonthTicks(plot, [.. months.Select(month => month.Month)], month => months.Any(row => row.Month == month && row.Provisional));
        ChartCanvas.CountAxis(plot, highest * 1.1);
        ChartCanvas.LegendBelow(plot, [
            .. series.Select(entry => ChartCanvas.BoxItem(entry.Label, ChartCanvas.Colour(entry.Colour))),
            ChartCanvas.BoxItem("% conversion (booked after outreach ÷ contacted)", Colors.White, ChartCanvas.Colour(ReportPalette.Title)),
        ]);
        return plot;
    }
}
