using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using ScottPlot;

namespace PhysicalTheraPT.Analytics.Reports.Charts;

/// <summary>
/// Conversion within each window over the 12 months: solid lines and filled dots for matured months;
/// dashed lines and hollow dots for months still maturing, drawn at the share converted so far on a grey
/// band captioned "still maturing", so a young month never reads as a collapse. (A month in the band can
/// have matured for a short window: its filled dot is final.) Each matured rate carries its 95% Wilson
/// interval as a whisker, so a dip that chance explains looks like one.
/// </summary>
internal static class ConversionTrendChart
{
    public const string Key = "conversion-trend";

    public const string Title = "Conversion to maintenance, by month acute care ended";

    public static Plot Draw(MonthlyReport report)
    {
        var months = ReportSummaryBuilder.LastTwelve(report.Month, report.Trend);
        var plot = ChartCanvas.Create(Title, "Month acute care ended", "Converted to maintenance");
        if (months.Count == 0)
        {
            ChartCanvas.NoData(plot, "No acute completions in these 12 months");
            return plot;
        }

        var highest = 0.0;
        var firstMaturing = (double?)null;
        var legend = new List<LegendItem>();
        for (var index = 0; index < report.ConversionWindows.Count; index++)
        {
            var window = report.ConversionWindows[index];
            var colour = ReportPalette.Window(index);
            var matured = new List<Coordinates>();
            var maturing = new List<Coordinates>();
            for (var position = 0; position < months.Count; position++)
            {
                var cell = months[position].Conversion(window);
                if (cell is { Maturing: false, Rate: { } rate })
                {
                    matured.Add(new Coordinates(position, rate * 100));
                }
                else if (cell is { Maturing: true, RateSoFar: { } soFar })
                {
                    maturing.Add(new Coordinates(position, soFar * 100));
                    firstMaturing = Math.Min(firstMaturing ?? position, position);
                }
            }

            // Each matured rate's 95% Wilson interval as a whisker, windows side by side so they do not hide each other.
            var offset = (index - ((report.ConversionWindows.Count - 1) / 2.0)) * 0.08;
            for (var position = 0; position < months.Count; position++)
            {
                if (months[position].Conversion(window) is { Maturing: false, Interval: { } interval })
                {
                    var whisker = plot.Add.Scatter(
                        new[] { position + offset, position + offset }, new[] { interval.Low * 100, interval.High * 100 }, ChartCanvas.Colour(colour).WithAlpha(0.55));
                    whisker.LineWidth = 2;
                    whisker.MarkerShape = MarkerShape.HorizontalBar;
                    whisker.MarkerSize = 10;
                    highest = Math.Max(highest, interval.High * 100);
                }
            }

            if (matured.Count > 0)
            {
                var line = plot.Add.Scatter(matured, ChartCanvas.Colour(colour));
                line.LineWidth = 3;
                line.MarkerShape = MarkerShape.FilledCircle;
                line.MarkerSize = 10;
            }

            if (maturing.Count > 0)
            {
                // Start the dashed part at the last matured point so the line reads as one story; that
                // point keeps its filled dot, so the hollow markers go on a line of their own.
                var dashed = matured.Count > 0 && matured[^1].X < maturing[0].X ? [matured[^1], .. maturing] : maturing;
                var line = plot.Add.Scatter(dashed, ChartCanvas.Colour(colour));
                line.LineWidth = 2;
                line.LinePattern = LinePattern.Dashed;
                line.MarkerSize = 0;
                var points = plot.Add.Scatter(maturing, ChartCanvas.Colour(colour));
                points.LineWidth = 0;
                points.MarkerShape = MarkerShape.OpenCircle;
                points.MarkerSize = 11;
                points.MarkerLineWidth = 2;
            }

            highest = Math.Max(highest, matured.Concat(maturing).Select(point => point.Y).DefaultIfEmpty(0).Max());
            legend.Add(ChartCanvas.LineItem($"Within {window} days", colour));
        }

        legend.Add(ChartCanvas.LineItem("Hollow, dashed: converted so far", ReportPalette.NotFinalText, dashed: true, hollow: true));
        legend.Add(ChartCanvas.LineItem("Whiskers: 95% interval", ReportPalette.Subtle));
        ChartCanvas.MonthTicks(plot, [.. months.Select(month => month.Month)]);
        var top = ChartCanvas.PercentAxis(plot, highest);
        if (firstMaturing is { } first)
        {
            ChartCanvas.NotFinalBand(plot, first, months.Count - 1, top, "still maturing:\nhollow points will rise");
        }

        ChartCanvas.LegendBelow(plot, legend);
        return plot;
    }
}
