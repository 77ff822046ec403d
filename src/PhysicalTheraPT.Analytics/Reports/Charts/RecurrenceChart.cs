using System.Globalization;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using ScottPlot;

namespace PhysicalTheraPT.Analytics.Reports.Charts;

/// <summary>
/// Re-injury within a year for patients who converted to maintenance and those who did not, each bar
/// labelled with the counts behind the rate.
/// </summary>
internal static class RecurrenceChart
{
    public const string Key = "recurrence";

    public static string TitleFor(RecurrenceReport recurrence) =>
        string.Create(CultureInfo.InvariantCulture, $"New episode within {recurrence.RecurrenceWindowDays} days: converted vs not converted");

    public static Plot Draw(MonthlyReport report)
    {
        var recurrence = report.Recurrence;
        var plot = ChartCanvas.Create(
            TitleFor(recurrence),
            $"Patients who finished acute care {recurrence.FirstCompletionMonth.ShortLabel} to {recurrence.LastCompletionMonth.ShortLabel}"
                + (recurrence.Maturing ? " (still maturing: can grow)" : ""),
            "Started a new episode");
        (string Label, RecurrenceCounts Group, string Colour)[] groups =
        [
            (string.Create(CultureInfo.InvariantCulture, $"Converted within {recurrence.ConversionWindowDays} days"), recurrence.Converted, ReportPalette.Window(1)),
            ("Not converted", recurrence.NotConverted, ReportPalette.Category(3)),
        ];
        if (groups.All(group => group.Group.Completions == 0))
        {
            ChartCanvas.NoData(plot, "No acute completions in this period");
            return plot;
        }

        var bars = groups.Select((group, position) => new Bar
        {
            Position = position,
            Value = (group.Group.Rate ?? 0) * 100,
            FillColor = ChartCanvas.Colour(group.Colour).WithAlpha(recurrence.Maturing ? 0.45 : 1),
            LineWidth = 0,
            Size = 0.5,
            Label = group.Group.Rate is { } rate
                ? string.Create(CultureInfo.InvariantCulture, $"{rate * 100:0}% ({group.Group.ReInjured:#,##0} of {group.Group.Completions:#,##0})")
                : "no patients",
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontSize = 18;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 1], [.. groups.Select(group => group.Label)]);
        plot.Axes.SetLimitsX(-0.6, 1.6);
        ChartCanvas.PercentAxis(plot, bars.Max(bar => bar.Value));
        return plot;
    }
}
