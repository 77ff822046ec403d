using System.Globalization;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using PhysicalTheraPT.Analytics.Retention;
using ScottPlot;
using SkiaSharp;

namespace PhysicalTheraPT.Analytics.Reports.Charts;

/// <summary>
/// The look every chart shares: text sizes readable on a laptop screen when the chart is shown at half
/// size in a sheet, light grid, month labels like "Mar 26", percentages as "40%".
/// </summary>
internal static class ChartCanvas
{
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, 26);
        plot.XLabel(xLabel, 19);
        plot.YLabel(yLabel, 19);
        plot.Axes.Title.Label.ForeColor = Color.FromHex(ReportPalette.Title);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 17;
        plot.Axes.Left.TickLabelStyle.FontSize = 17;
        plot.Grid.MajorLineColor = Color.FromHex(ReportPalette.Grid);

        // Minor ticks on every axis read as noise at this size.
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.FigureBackground.Color = Colors.White;
        return plot;
    }

    public static Color Colour(string hex) => Color.FromHex(hex);

    /// <summary>Month labels under positions 0, 1, 2 ...; <paramref name="marked"/> months get an asterisk.</summary>
    public static void MonthTicks(Plot plot, IReadOnlyList<CalendarMonth> months, Func<CalendarMonth, bool>? marked = null)
    {
        var positions = Enumerable.Range(0, months.Count).Select(index => (double)index).ToArray();
        var labels = months.Select(month => month.ShortLabel + (marked?.Invoke(month) == true ? "*" : "")).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.SetLimitsX(-0.6, Math.Max(months.Count, 1) - 0.4);
    }

    /// <summary>An axis of percentages from 0 to a round number above the highest value (the y axis, or x for horizontal bars).</summary>
    public static double PercentAxis(Plot plot, double highestPercent, bool horizontal = false)
    {
        var top = Math.Min(100, Math.Max(10, Math.Ceiling((highestPercent + 8) / 10) * 10));
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = value => value.ToString("0", CultureInfo.InvariantCulture) + "%",

            // Steps of 10% read at a glance; the library's default packs a label every 2% across a wide chart.
            TargetTickCount = (int)(top / 10) + 1,
        };
        if (horizontal)
        {
            plot.Axes.SetLimitsX(0, top);
            plot.Axes.Bottom.TickGenerator = ticks;
        }
        else
        {
            plot.Axes.SetLimitsY(0, top);
            plot.Axes.Left.TickGenerator = ticks;
        }

        return top;
    }

    /// <summary>A y axis of whole counts from 0 with room above the highest bar for its label.</summary>
    public static void CountAxis(Plot plot, double highest)
    {
        plot.Axes.SetLimitsY(0, Math.Max(5, highest * 1.15));
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = value => value.ToString("#,##0", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Says so in the middle of an empty chart instead of showing bare axes.</summary>
    public static void NoData(Plot plot, string message)
    {
        var text = plot.Add.Text(message, 0, 0);
        text.LabelFontSize = 22;
        text.LabelFontColor = Color.FromHex(ReportPalette.Subtle);
        text.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(-1, 1, -1, 1);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
    }

    public static LegendItem LineItem(string label, string hex, bool dashed = false, bool hollow = false) => new()
    {
        LabelText = label,
        LineColor = Color.FromHex(hex),
        LineWidth = 3,
        LinePattern = dashed ? LinePattern.Dashed : LinePattern.Solid,
        MarkerShape = hollow ? MarkerShape.OpenCircle : MarkerShape.FilledCircle,
        MarkerSize = 10,
        MarkerFillColor = Color.FromHex(hex),
        MarkerLineColor = Color.FromHex(hex),
    };

    public static LegendItem BoxItem(string label, Color fill, Color? outline = null) => new()
    {
        LabelText = label,
        FillColor = fill,
        OutlineColor = outline ?? fill,
        OutlineWidth = outline is null ? 0 : 2,
        LineWidth = 0,
    };

    /// <summary>
    /// Shades the months from <paramref name="firstPosition"/> on in the "not final yet" grey, with a
    /// caption, so numbers that will still grow are read as such.
    /// </summary>
    public static void NotFinalBand(Plot plot, double firstPosition, double lastPosition, double top, string caption)
    {
        var band = plot.Add.HorizontalSpan(firstPosition - 0.5, lastPosition + 0.5, Color.FromHex(ReportPalette.NotFinalFill).WithAlpha(0.7));
        band.LineWidth = 0;
        plot.MoveToBack(band);
        var text = plot.Add.Text(caption, (firstPosition + lastPosition) / 2, top);
        text.LabelFontSize = 16;
        text.LabelFontColor = Color.FromHex(ReportPalette.NotFinalText);
        text.LabelAlignment = Alignment.UpperCenter;
        text.LabelItalic = true;
    }

    /// <summary>The legend below the plot, across, in the shared text size.</summary>
    public static void LegendBelow(Plot plot, IEnumerable<LegendItem> items)
    {
        plot.Legend.ManualItems.AddRange(items);
        plot.Legend.FontSize = 17;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
    }
}

/// <summary>
/// Makes the chart library use an installed font. It takes the first family it finds unless told, and
/// with no font at all it draws charts without any text and reports nothing, so a missing font must be
/// an error that says how to fix it.
/// </summary>
internal static class ChartFont
{
    private static readonly Lock Gate = new();

    public static void Use(string family)
    {
        var installed = SKFontManager.Default.FontFamilies.ToList();
        if (!installed.Contains(family, StringComparer.OrdinalIgnoreCase))
        {
            var available = installed.Count == 0 ? "no fonts at all" : "only " + string.Join(", ", installed.Order(StringComparer.Ordinal));
            throw new UserInputException(
                $"Charts need the font \"{family}\", which is not installed (this machine has {available}). " +
                "Install it (Debian/Ubuntu: apt-get install fonts-dejavu-core) or set Reports:ChartFont to an installed font family.");
        }

        // Fonts.Default is global to the chart library: set it under a lock so two reports rendered at
        // once do not interleave, and only when it differs.
        lock (Gate)
        {
            if (!string.Equals(Fonts.Default, family, StringComparison.Ordinal))
            {
                Fonts.Default = family;
            }
        }
    }
}
