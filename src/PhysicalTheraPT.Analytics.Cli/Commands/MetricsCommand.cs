using System.CommandLine;
using System.Globalization;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Retention;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>
/// <c>ptanalytics metrics</c>: a month's retention numbers as <c>clinic_id,metric,value</c> rows, all
/// clinics first, then every clinic.
/// </summary>
internal static class MetricsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var month = new Option<string?>("--month") { Description = "The calendar month to report, YYYY-MM (required)." };
        var asOf = RetentionArguments.AsOf("Judge as of this date, YYYY-MM-DD (default: the day after the month).");
        var format = RetentionArguments.Format();
        var output = RetentionArguments.Output();
        var command = RetentionArguments.CommandWith(
            "metrics",
            "A month's retention numbers for all clinics and each clinic: completions, conversion to maintenance, flags, active maintenance patients, visits per episode.",
            month,
            asOf,
            format,
            output);

        CommandAction.Set(command, console, async context =>
        {
            var outputPath = context.Value(output);
            var outputFormat = TableWriter.ParseFormat(context.Value(format));
            var reportMonth = RetentionArguments.ParseMonth(context.Value(month), "--month");
            var reportAsOf = RetentionArguments.ParseAsOfForMonth(context.Value(asOf), reportMonth);

            var result = await context.Get<RetentionAnalysis>().MonthlyAsync(reportMonth, reportAsOf, withFlaggedPatients: false, cancellationToken: context.CancellationToken);
            var metrics = result.Metrics;
            var rows = MetricRows.From(metrics);
            await RetentionArguments.WriteAsync(context, outputPath, writer => TableWriter.WriteMetrics(writer, rows, outputFormat));

            foreach (var note in NotesOn(metrics))
            {
                RetentionArguments.Tell(context, outputPath, note);
            }

            if (outputPath is not null)
            {
                RetentionArguments.Tell(context, outputPath,
                    $"{rows.Count} metric rows for {reportMonth} ({metrics.Clinics.Count} clinic(s), {result.Patients} patients) " +
                    $"as of {reportAsOf:yyyy-MM-dd}, written to {Path.GetFullPath(outputPath)}.");
            }

            return CommandAction.Success;
        });

        return command;
    }

    /// <summary>What the numbers cannot say yet: the file has no room for it, the person reading does.</summary>
    private static IEnumerable<string> NotesOn(RetentionMetrics metrics)
    {
        var month = metrics.All.ReportMonth;
        if (month.Provisional)
        {
            yield return $"Note: {month.Month}'s completions are provisional as of {metrics.AsOf:yyyy-MM-dd}: patients who just stop " +
                "coming are counted once their last visit is far enough behind (Retention:ImplicitDischargeDays), so the count can still grow.";
        }

        var maturing = month.Conversion.Where(conversion => conversion.Maturing).Select(conversion => conversion.WindowDays.ToString(CultureInfo.InvariantCulture) + "d").ToList();
        if (maturing.Count > 0)
        {
            yield return $"Note: conversion within {string.Join(", ", maturing)} of {month.Month}'s completions is still maturing " +
                "(the window has not closed): its rate is left blank rather than shown too low.";
        }
    }
}
