using System.CommandLine;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Retention;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>
/// <c>ptanalytics flags</c>: the patients to call (dropped after the acute phase, or lapsed from
/// maintenance), one row each, by clinic and highest priority first.
/// </summary>
internal static class FlagsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var asOf = RetentionArguments.AsOf("Judge as of this date, YYYY-MM-DD (default: today in each clinic's own time zone).");
        var clinic = new Option<string?>("--clinic") { Description = "Only the patients of this clinic id." };
        var format = RetentionArguments.Format();
        var output = RetentionArguments.Output();
        var command = RetentionArguments.CommandWith(
            "flags",
            "List the patients to call: dropped after the acute phase or lapsed from maintenance, by clinic, highest priority first.",
            asOf,
            clinic,
            format,
            output);

        CommandAction.Set(command, console, async context =>
        {
            var outputPath = context.Value(output);
            var outputFormat = TableWriter.ParseFormat(context.Value(format));
            var result = await context.Get<RetentionAnalysis>().FlagsAsync(
                RetentionArguments.ParseDate(context.Value(asOf), "--as-of"), context.Value(clinic), cancellationToken: context.CancellationToken);
            var rows = result.Flags.Select(FlagRow.From);
            await RetentionArguments.WriteAsync(context, outputPath, writer => TableWriter.WriteFlags(writer, rows, outputFormat));

            if (outputPath is not null)
            {
                var dropped = result.Flags.Count(flag => flag.Kind == PatientFlagKind.DroppedAfterAcute);
                RetentionArguments.Tell(context, outputPath,
                    $"{result.Flags.Count} flagged patient(s) ({dropped} dropped_after_acute, {result.Flags.Count - dropped} maintenance_lapsed) " +
                    $"of {result.Patients} read, as of {DescribeAsOf(result)}, written to {Path.GetFullPath(outputPath)}.");
            }

            return CommandAction.Success;
        });

        return command;
    }

    private static string DescribeAsOf(FlagsAsOf result)
    {
        var dates = result.AsOfByClinic.Values.Distinct().Order().ToList();
        return dates.Count switch
        {
            0 => "today (no clinics)",
            1 => dates[0].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            _ => $"each clinic's today ({dates[0]:yyyy-MM-dd} to {dates[^1]:yyyy-MM-dd})",
        };
    }
}
