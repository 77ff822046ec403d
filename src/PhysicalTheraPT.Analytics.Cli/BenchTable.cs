using System.Globalization;
using PhysicalTheraPT.Analytics.Benchmarks;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>The benchmark's table as the console shows it; the CSV and JSON hold the same numbers and each stage's note.</summary>
internal static class BenchTable
{
    public static Table Create(BenchReport report)
    {
        var table = new Table()
            .Title(string.Create(CultureInfo.InvariantCulture, $"{report.Provider}, {report.Appointments:N0} appointments"))
            .AddColumn("Stage")
            .AddColumn(new TableColumn("Rows").RightAligned())
            .AddColumn(new TableColumn("Seconds (median)").RightAligned())
            .AddColumn(new TableColumn("Min–max").RightAligned())
            .AddColumn(new TableColumn("Rows/s").RightAligned())
            .AddColumn(new TableColumn("Peak MB").RightAligned())
            .AddColumn(new TableColumn("× floor").RightAligned());
        foreach (var stage in report.Stages)
        {
            table.AddRow(
                stage.Stage,
                stage.Rows.ToString("N0", CultureInfo.InvariantCulture),
                stage.Seconds.ToString("0.000", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{stage.SecondsMin:0.00}–{stage.SecondsMax:0.00}"),
                stage.RowsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                stage.PeakMegabytes.ToString("0", CultureInfo.InvariantCulture),
                stage.RatioToFloor?.ToString("0.00", CultureInfo.InvariantCulture) ?? "");
        }

        return table;
    }
}
