using System.Globalization;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using ScottPlot;

namespace PhysicalTheraPT.Analytics.Reports.Charts;

/// <summary>
/// How quickly each recent cohort took up maintenance: share converted after 28, 60, 90, 180 days,
/// one line per completion month, older months lighter. Only matured windows are drawn.
/// </summary>
internal static class CohortUptakeChart
{
    public const string Key = "cohort-uptake";

    public const string Title = "How quickly patients start maintenance, by month acute care ended";

    /// <summary>More lines than this turn into a tangle.</summary>
    private const int MostCohorts = 6;

    private const string Oldest = "#9DC3E6";

    private const string Newest = "#1F3864";

    public static Plot Draw(MonthlyReport report)
    {
        var plot = ChartCanvas.Create(Title, "Days after acute care ended", "Converted to maintenance");
        var cohorts = report.Cohorts
            .Where(row => row.Completions > 0 && row.Windows.Any(cell => cell is { Maturing: false, Rate: not null }))
            .OrderBy(row => row.CompletionMonth)
            .TakeLast(MostCohorts)
            .ToList();
        if (cohorts.Count == 0)
        {
            ChartCanvas.NoData(plot, "No cohort has matured yet");
            return plot;
        }

        var highest = 0.0;
        var legend = new List<LegendItem>();
        for (var index = 0; index < cohorts.Count; index++)
        {
            var cohort = cohorts[index];
            var colour = Blend(Oldest, Newest, cohorts.Count == 1 ? 1 : (double)index / (cohorts.Count - 1));
            List<Coordinates> points = [new(0, 0), .. cohort.Windows
                .Where(cell => cell is { Maturing: false, Rate: not null })
                .OrderBy(cell => cell.WindowDays)
                .Select(cell => new Coordinates(cell.WindowDays, cell.Rate!.Value * 100))];
            var line = plot.Add.Scatter(points, ChartCanvas.Colour(colour));
            line.LineWidth = 3;
            line.MarkerShape = MarkerShape.FilledCircle;
            line.MarkerSize = 9;
            highest = Math.Max(highest, points.Max(point => point.Y));
            legend.Add(ChartCanvas.LineItem(
                cohort.CompletionMonth.ShortLabel + string.Create(CultureInfo.InvariantCulture, $" ({cohort.Completions:#,##0} patients)"), colour));
        }

        var windows = report.CohortWindows.Order().ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [0, .. windows.Select(days => (double)days)],
            ["0", .. windows.Select(days => days.ToString(CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimitsX(-5, windows.DefaultIfEmpty(180).Max() + 5);
        ChartCanvas.PercentAxis(plot, highest);
        ChartCanvas.LegendBelow(plot, legend);
        return plot;
    }

    /// <summary>A colour between two, <paramref name="share"/> of the way from the first to the second.</summary>
    private static string Blend(string from, string to, double share)
    {
        var start = Color.FromHex(from);
        var end = Color.FromHex(to);
        byte Mix(byte a, byte b) => (byte)Math.Round(a + ((b - a) * share));
        return new Color(Mix(start.R, end.R), Mix(start.G, end.G), Mix(start.B, end.B)).ToHex();
    }
}
