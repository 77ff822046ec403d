using System.Globalization;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using ScottPlot;

namespace PhysicalTheraPT.Analytics.Reports.Charts;

/// <summary>
/// Clinics side by side: conversion within each window, one group of horizontal bars per clinic (clinic
/// names are long; across the bottom they would collide). Bars of windows still maturing are pale and
/// show the share converted so far. Only the clinics with the most completions fit; the title says when
/// some were left out.
/// </summary>
internal static class ClinicConversionChart
{
    public const string Key = "clinics";

    public const string Title = "Conversion to maintenance by clinic";

    /// <summary>Up to this many clinics the bars are tall enough to carry their percentage.</summary>
    private const int MostClinicsWithLabels = 6;

    public static Plot Draw(MonthlyReport report, int mostClinics)
    {
        var all = report.Breakdowns.Clinics.Where(row => row.Completions > 0).ToList();
        var clinics = all
            .OrderByDescending(row => row.Completions)
            .ThenBy(row => row.Name, StringComparer.Ordinal)
            .Take(mostClinics)
            .OrderBy(row => row.Name, StringComparer.Ordinal)
            .ToList();
        var title = clinics.Count < all.Count
            ? string.Create(CultureInfo.InvariantCulture, $"{Title} ({clinics.Count} busiest of {all.Count})")
            : Title;
        var plot = ChartCanvas.Create(title, "Converted to maintenance", "");
        if (clinics.Count == 0)
        {
            ChartCanvas.NoData(plot, "No acute completions in this period");
            return plot;
        }

        var windows = report.ConversionWindows;
        var height = 0.8 / Math.Max(windows.Count, 1);
        var bars = new List<Bar>();
        var anyMaturing = false;
        for (var group = 0; group < clinics.Count; group++)
        {
            // The first clinic alphabetically at the top, its first window at the top of its group.
            var centre = clinics.Count - 1 - group;
            for (var index = 0; index < windows.Count; index++)
            {
                var cell = clinics[group].Conversion(windows[index]);
                var value = cell?.Rate ?? cell?.RateSoFar;
                if (value is null)
                {
                    continue;
                }

                var colour = ChartCanvas.Colour(ReportPalette.Window(index));
                var maturing = cell!.Maturing;
                anyMaturing |= maturing;
                bars.Add(new Bar
                {
                    Position = centre + ((((windows.Count - 1) / 2.0) - index) * height),
                    Value = value.Value * 100,
                    Size = height * 0.9,
                    FillColor = maturing ? colour.WithAlpha(0.3) : colour,
                    LineColor = colour,
                    LineWidth = maturing ? 2 : 0,
                    Orientation = Orientation.Horizontal,
                    Label = clinics.Count <= MostClinicsWithLabels ? (value.Value * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "",
                });
            }
        }

        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.FontSize = 15;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, clinics.Count).Select(group => (double)(clinics.Count - 1 - group))], [.. clinics.Select(row => row.Name)]);
        plot.Axes.SetLimitsY(-0.6, clinics.Count - 0.4);
        ChartCanvas.PercentAxis(plot, bars.Select(bar => bar.Value).DefaultIfEmpty(0).Max() + 5, horizontal: true);

        var legend = windows.Select((window, index) => ChartCanvas.BoxItem(WindowLabel(report.Breakdowns, window), ChartCanvas.Colour(ReportPalette.Window(index)))).ToList();
        if (anyMaturing)
        {
            legend.Add(ChartCanvas.BoxItem(
                "Pale: still maturing (converted so far)", ChartCanvas.Colour(ReportPalette.NotFinalText).WithAlpha(0.3), ChartCanvas.Colour(ReportPalette.NotFinalText)));
        }

        ChartCanvas.LegendBelow(plot, legend);
        plot.XLabel(report.Breakdowns.Windows is { Count: > 0 }
            ? "Converted to maintenance, of patients who finished acute care in the months shown"
            : "Converted to maintenance, of patients who finished acute care in " + report.Breakdowns.PeriodLabel, 19);
        return plot;
    }

    /// <summary>"Within 28 days", with the completion months it counts when the breakdown says ("Apr 25-Feb 26").</summary>
    private static string WindowLabel(ReportBreakdowns breakdowns, int window)
    {
        var label = string.Create(CultureInfo.InvariantCulture, $"Within {window} days");
        var counted = breakdowns.Windows?.FirstOrDefault(entry => entry.WindowDays == window);
        return counted is { FirstMonth: { } first, LastMonth: { } last }
            ? label + " (" + (first == last ? first.ShortLabel : first.ShortLabel + "-" + last.ShortLabel) + ")"
            : label;
    }
}
