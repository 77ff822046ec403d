using System.CommandLine;
using System.Globalization;
using PhysicalTheraPT.Analytics.Reports;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>
/// <c>ptanalytics report monthly</c>: the monthly retention workbook for all clinics (and, with
/// <c>--clinic</c> or <c>--per-clinic</c>, for clinics), with its charts, from one pass over the data.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var month = new Option<string?>("--month") { Description = "The calendar month to report, YYYY-MM (required)." };
        var asOf = RetentionArguments.AsOf("Count everything as of this date, YYYY-MM-DD (default: the day after the month).");
        var clinic = new Option<string?>("--clinic") { Description = "Also write this clinic's own workbook." };
        var perClinic = new Option<bool>("--per-clinic") { Description = "Also write every clinic's own workbook." };
        var restate = new Option<bool>("--restate")
        {
            Description = "Recompute past months with today's data instead of showing them as first reported; the Definitions sheet lists the months restated.",
        };
        var output = OutputFolder();
        var monthly = RetentionArguments.CommandWith(
            "monthly",
            "Write retention-YYYY-MM.xlsx (all clinics; with --clinic or --per-clinic also per clinic) and its charts.",
            month,
            asOf,
            clinic,
            perClinic,
            restate,
            output);

        CommandAction.Set(monthly, console, async context =>
        {
            var reportMonth = RetentionArguments.ParseMonth(context.Value(month), "--month");
            var request = new MonthlyReportRequest
            {
                Month = reportMonth,
                AsOf = RetentionArguments.ParseAsOfForMonth(context.Value(asOf), reportMonth),
                ClinicId = context.Value(clinic),
                EveryClinic = context.Value(perClinic),
                Restate = context.Value(restate),
                OutputDirectory = context.Value(output) ?? AnalyticsPaths.DefaultReportsDirectory,
            };
            if (request.ClinicId is not null && request.EveryClinic)
            {
                throw new UserInputException("Give --clinic ID for one clinic's workbook or --per-clinic for every clinic's, not both.");
            }

            var service = context.Get<MonthlyReportService>();
            var run = await ReadingProgress.RunAsync(context, progress => service.WriteAsync(request, progress, context.CancellationToken));

            context.Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Retention report for {run.Month} as of {run.AsOf:yyyy-MM-dd} ({run.Patients:N0} patients read): {run.Workbooks.Count} workbook(s) written."));
            foreach (var workbook in run.Workbooks)
            {
                context.Console.WriteLine(workbook.WorkbookPath);
                foreach (var chart in workbook.ChartPaths)
                {
                    context.Console.WriteLine("  " + chart);
                }
            }

            return CommandAction.Success;
        });

        var report = new Command("report", "Reports for clinic managers.");
        report.Subcommands.Add(monthly);
        return report;
    }

    /// <summary>The <c>--out</c> folder option the report commands share.</summary>
    public static Option<string?> OutputFolder() => new("--out")
    {
        Description = "Folder to write to (default: the reports folder in the data folder, $PTA_HOME/reports).",
    };
}
