using System.Globalization;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using PhysicalTheraPT.Analytics.Retention;
using ScottPlot;

namespace PhysicalTheraPT.Analytics.Reports.Charts;

/// <summary>
/// A funnel plot of the clinics instead of a ranking by bare rates: each clinic's conversion within the
/// first window against the completions behind it, with the group's rate and its 95% limits
/// (p ± z·√(p(1−p)/n)), which narrow as completions grow. A small clinic far from the line may be chance;
/// a point outside the funnel is not. Clinics are coloured as the Clinics sheet marks them.
/// </summary>
internal static class FunnelChart
{
    public const string Key = "clinics";

    public static string TitleFor(MonthlyReport report) => string.Create(
        CultureInfo.InvariantCulture, $"Conversion within {report.ConversionWindows[0]} days by clinic, against the group's 95% limits");

    public static Plot Draw(MonthlyReport report, int mostLabels)
    {
        var window = report.ConversionWindows[0];
        var group = report.Breakdowns.Group;
        var clinics = report.Breakdowns.Clinics
            .Where(row => row != group && row.Name != MonthlyReportMapper.GroupComparisonName)
            .Select(row => (row.Name, Cell: row.Conversion(window)))
            .Where(entry => entry.Cell is { Rate: not null, Completions: > 0 })
            .Select(entry => (entry.Name, Cell: entry.Cell!))
            .ToList();
        var plot = ChartCanvas.Create(TitleFor(report), "Completions counted (patients who finished acute care in " + report.Breakdowns.PeriodLabel + ")", "Converted to maintenance");
        var groupRate = group?.Conversion(window)?.Rate
            ?? (clinics.Count == 0 ? null : (double)clinics.Sum(entry => entry.Cell.Converted) / clinics.Sum(entry => entry.Cell.Completions));
        if (clinics.Count == 0 || groupRate is not { } p)
        {
            ChartCanvas.NoData(plot, string.Create(CultureInfo.InvariantCulture, $"No clinic has a known {window}-day rate in this period yet"));
            return plot;
        }

        var most = clinics.Max(entry => entry.Cell.Completions);
        var right = Math.Max(10, most * 1.15);
        var sizes = Enumerable.Range(1, 200).Select(step => right * step / 200.0).ToArray();
        var half = sizes.Select(n => NormalDistribution.Z95 * Math.Sqrt(p * (1 - p) / n)).ToArray();
        var limitColour = ChartCanvas.Colour(ReportPalette.Subtle);
        foreach (var sign in new[] { -1, 1 })
        {
            var limit = plot.Add.Scatter(sizes, [.. half.Select(h => Math.Clamp((p + (sign * h)) * 100, 0, 100))], limitColour);
            limit.LineWidth = 2;
            limit.LinePattern = LinePattern.Dashed;
            limit.MarkerSize = 0;
        }

        var line = plot.Add.HorizontalLine(p * 100);
        line.Color = limitColour;
        line.LineWidth = 2;

        // Labels alternate above and below their points, by size, so two clinics of similar size stay readable.
        var labelled = clinics.OrderByDescending(entry => entry.Cell.Completions).Take(mostLabels)
            .Select((entry, rank) => (entry.Name, rank)).ToDictionary(entry => entry.Name, entry => entry.rank, StringComparer.Ordinal);
        foreach (var (name, cell) in clinics)
        {
            var colour = RateText.ComparedWithGroup(cell.Interval, p) switch
            {
                RateText.AboveGroup => ReportPalette.Window(1),
                RateText.BelowGroup => ReportPalette.Window(2),
                _ => ReportPalette.Window(0),
            };
            var point = plot.Add.Scatter(new[] { (double)cell.Completions }, new[] { cell.Rate!.Value * 100 }, ChartCanvas.Colour(colour));
            point.MarkerShape = MarkerShape.FilledCircle;
            point.MarkerSize = 13;
            if (labelled.TryGetValue(name, out var rank))
            {
                var text = plot.Add.Text(name, cell.Completions, cell.Rate!.Value * 100);
                text.LabelFontSize = 14;
                text.LabelAlignment = rank % 2 == 0 ? Alignment.LowerLeft : Alignment.UpperLeft;
                text.LabelOffsetX = 8;
            }
        }

        plot.Axes.SetLimitsX(0, right);
        ChartCanvas.PercentAxis(plot, Math.Max(clinics.Max(entry => entry.Cell.Rate!.Value), Math.Min(1, p + half[0])) * 100);
        ChartCanvas.LegendBelow(plot,
        [
            ChartCanvas.LineItem(string.Create(CultureInfo.InvariantCulture, $"Group rate {p * 100:0.0}%; dashed: its 95% limits"), ReportPalette.Subtle),
            ChartCanvas.BoxItem(RateText.AboveGroup, ChartCanvas.Colour(ReportPalette.Window(1))),
            ChartCanvas.BoxItem(RateText.BelowGroup, ChartCanvas.Colour(ReportPalette.Window(2))),
            ChartCanvas.BoxItem(RateText.InLineWithGroup, ChartCanvas.Colour(ReportPalette.Window(0))),
        ]);
        return plot;
    }
}
