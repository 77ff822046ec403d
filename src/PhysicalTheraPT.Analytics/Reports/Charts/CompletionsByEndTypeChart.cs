using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using ScottPlot;

namespace PhysicalTheraPT.Analytics.Reports.Charts;

/// <summary>Acute completions per month, stacked by how acute care ended; provisional months marked *.</summary>
internal static class CompletionsByEndTypeChart
{
    public const string Key = "completions-by-end-type";

    public const string Title = "Acute completions by how acute care ended";

    public static Plot Draw(MonthlyReport report)
    {
        var months = ReportSummaryBuilder.LastTwelve(report.Month, report.Trend);
        var anyProvisional = months.Any(month => month.Provisional);
        var plot = ChartCanvas.Create(
            Title, anyProvisional ? "Month acute care ended   (* provisional: still growing)" : "Month acute care ended", "Acute completions");
        if (months.Count == 0)
        {
            ChartCanvas.NoData(plot, "No acute completions in these 12 months");
            return plot;
        }

        var endTypes = EndTypeLabels.InDisplayOrder(months.SelectMany(month => month.CompletionsByEndType.Keys));
        var bars = new List<Bar>();
        for (var position = 0; position < months.Count; position++)
        {
            var stacked = 0.0;
            for (var index = 0; index < endTypes.Count; index++)
            {
                var count = months[position].CompletionsByEndType.GetValueOrDefault(endTypes[index]);
                if (count == 0)
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = position,
                    ValueBase = stacked,
                    Value = stacked + count,
                    // Pale for a provisional month, as everywhere: not final yet.
                    FillColor = ChartCanvas.Colour(ReportPalette.Category(index)).WithAlpha(months[position].Provisional ? 0.45 : 1),
                    LineWidth = 0,
                    Size = 0.7,
                });
                stacked += count;
            }
        }

        plot.Add.Bars(bars);
        ChartCanvas.MonthTicks(plot, [.. months.Select(month => month.Month)], month => months.Any(row => row.Month == month && row.Provisional));
        ChartCanvas.CountAxis(plot, months.Max(month => Math.Max(month.AcuteCompletions, month.CompletionsByEndType.Values.Sum())));
        ChartCanvas.LegendBelow(plot, endTypes.Select((type, index) => ChartCanvas.BoxItem(EndTypeLabels.Label(type), ChartCanvas.Colour(ReportPalette.Category(index)))));
        return plot;
    }
}
