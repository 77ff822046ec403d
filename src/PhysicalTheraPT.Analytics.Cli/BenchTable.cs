using System.Globalization;
using PhysicalTheraPT.Analytics.Benchmarks;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>The benchmark's tables as the console shows them; the CSV and JSON hold the same numbers and each stage's note.</summary>
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
            .AddColumn(new TableColumn("Disk MB/run").RightAligned())
            .AddColumn(new TableColumn("× floor").RightAligned())
            .AddColumn(new TableColumn("× DuckDB").RightAligned())
            .AddColumn(new TableColumn("Cold s").RightAligned())
            .AddColumn(new TableColumn("Cold × DuckDB").RightAligned());
        foreach (var stage in report.Stages)
        {
            table.AddRow(
                stage.Stage,
                stage.Rows.ToString("N0", CultureInfo.InvariantCulture),
                stage.Seconds.ToString("0.000", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{stage.SecondsMin:0.00}–{stage.SecondsMax:0.00}"),
                stage.RowsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                stage.PeakMegabytes.ToString("0", CultureInfo.InvariantCulture),
                stage.DiskReadMegabytesPerRun?.ToString("0", CultureInfo.InvariantCulture) ?? "",
                stage.RatioToFloor?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                stage.RatioToDuckDb?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                stage.ColdSeconds?.ToString("0.000", CultureInfo.InvariantCulture) ?? "",
                stage.ColdRatioToDuckDb?.ToString("0.00", CultureInfo.InvariantCulture) ?? "");
        }

        return table;
    }

    /// <summary>Each stage's growth from one size to the next.</summary>
    public static Table Create(BenchScaling scaling)
    {
        var table = new Table()
            .Title($"{scaling.Provider}, growth from one size to the next")
            .AddColumn("Stage")
            .AddColumn(new TableColumn("Appointments").RightAligned())
            .AddColumn(new TableColumn("Rows ×").RightAligned())
            .AddColumn(new TableColumn("Seconds ×").RightAligned())
            .AddColumn(new TableColumn("Peak MB").RightAligned());
        foreach (var step in scaling.Steps)
        {
            table.AddRow(
                step.Stage,
                string.Create(CultureInfo.InvariantCulture, $"{step.FromAppointments:N0} → {step.ToAppointments:N0}"),
                step.RowsGrowth?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                step.SecondsGrowth?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                step.PeakMemoryChangePercent?.ToString("+0.0'%';-0.0'%';0.0'%'", CultureInfo.InvariantCulture) ?? "");
        }

        return table;
    }
}
