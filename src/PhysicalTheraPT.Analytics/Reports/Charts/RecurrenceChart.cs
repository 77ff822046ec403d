using System.Globalization;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using PhysicalTheraPT.Analytics.Retention;
using ScottPlot;

namespace PhysicalTheraPT.Analytics.Reports.Charts;

/// <summary>
/// The share back with a new episode (1 − Kaplan–Meier) over the follow-up, converted against not
/// converted, each curve with its 95% band, and the year marked.
/// </summary>
internal static class RecurrenceChart
{
    public const string Key = "recurrence";

    public static string TitleFor(RecurrenceReport recurrence) =>
        string.Create(CultureInfo.InvariantCulture, $"Back with a new episode: converted within {recurrence.LandmarkDays} days vs not");

    public static Plot Draw(MonthlyReport report)
    {
        var recurrence = report.Recurrence;
        var plot = ChartCanvas.Create(
            TitleFor(recurrence),
            $"Days since the end of acute care (patients who finished {recurrence.FirstCompletionMonth.ShortLabel} to {recurrence.LastCompletionMonth.ShortLabel})",
            "Back with a new episode");
        (string Label, RecurrenceSide Side, string Colour)[] groups =
        [
            (string.Create(CultureInfo.InvariantCulture, $"Converted ({recurrence.All.Converted.Patients:#,##0})"), recurrence.All.Converted, ReportPalette.Window(1)),
            (string.Create(CultureInfo.InvariantCulture, $"Not converted ({recurrence.All.NotConverted.Patients:#,##0})"), recurrence.All.NotConverted, ReportPalette.Category(3)),
        ];
        if (groups.All(group => group.Side.Patients == 0))
        {
            ChartCanvas.NoData(plot, "No completions in this period have passed the landmark yet");
            return plot;
        }

        var highest = 0.0;
        foreach (var (label, side, colour) in groups.Where(group => group.Side.Patients > 0))
        {
            var (days, share, low, high) = Steps(side, recurrence.FollowUpDays);
            var band = plot.Add.FillY(days, low, high);
            band.FillColor = ChartCanvas.Colour(colour).WithAlpha(0.2);
            band.LineWidth = 0;
            var line = plot.Add.Scatter(days, share);
            line.Color = ChartCanvas.Colour(colour);
            line.LineWidth = 3;
            line.MarkerSize = 0;
            line.LegendText = label;
            highest = Math.Max(highest, high.Max());
        }

        var year = plot.Add.VerticalLine(recurrence.WindowDays);
        year.Color = ChartCanvas.Colour(ReportPalette.Category(7)).WithAlpha(0.6);
        year.LinePattern = LinePattern.Dashed;
        plot.Axes.SetLimitsX(0, recurrence.FollowUpDays);
        ChartCanvas.PercentAxis(plot, highest);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>A step curve in percent from day 0 to the follow-up's end, with the band where it is known (else the curve itself).</summary>
    private static (double[] Days, double[] Share, double[] Low, double[] High) Steps(RecurrenceSide side, int lastDay)
    {
        var days = new List<double> { 0 };
        var share = new List<double> { 0 };
        var low = new List<double> { 0 };
        var high = new List<double> { 0 };
        foreach (var step in side.Steps)
        {
            // Flat up to the day before the step, then up: a step function drawn with straight lines.
            days.Add(step.Day);
            share.Add(share[^1]);
            low.Add(low[^1]);
            high.Add(high[^1]);
            var backShare = (1 - step.Survival) * 100;
            days.Add(step.Day);
            share.Add(backShare);
            low.Add(step.Interval is { } i ? (1 - i.High) * 100 : backShare);
            high.Add(step.Interval is { } j ? (1 - j.Low) * 100 : backShare);
        }

        days.Add(lastDay);
        share.Add(share[^1]);
        low.Add(low[^1]);
        high.Add(high[^1]);
        return ([.. days], [.. share], [.. low], [.. high]);
    }
}
