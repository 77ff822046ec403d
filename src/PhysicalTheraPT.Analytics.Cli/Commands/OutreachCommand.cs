using System.CommandLine;
using System.Globalization;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>
/// <c>ptanalytics outreach lists</c>: one outreach workbook per clinic for front desk; <c>outreach
/// import</c> (<see cref="OutreachImportCommand"/>): record the lists front desk worked. The console gets
/// file names and counts only: the lists hold names, phones and emails, the output of a command does not.
/// </summary>
internal static class OutreachCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var asOf = RetentionArguments.AsOf("Judge as of this date, YYYY-MM-DD (default: today in each clinic's own time zone).");
        var clinic = new Option<string?>("--clinic") { Description = "Only this clinic's list." };
        var output = ReportCommand.OutputFolder();
        var lists = RetentionArguments.CommandWith(
            "lists",
            "Write outreach-<clinic_id>-<date>.xlsx per clinic: the patients to call, highest priority first, with their contact details.",
            asOf,
            clinic,
            output);

        CommandAction.Set(lists, console, async context =>
        {
            var request = new OutreachListRequest
            {
                AsOf = RetentionArguments.ParseDate(context.Value(asOf), "--as-of"),
                ClinicId = context.Value(clinic),
                OutputDirectory = context.Value(output) ?? AnalyticsPaths.DefaultReportsDirectory,
            };

            var service = context.Get<OutreachListService>();
            var run = await ReadingProgress.RunAsync(context, progress => service.WriteAsync(request, progress, context.CancellationToken));

            context.Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"{run.Lists.Count} outreach list(s) written ({run.Patients:N0} patients read):"));
            foreach (var list in run.Lists)
            {
                var left = list.File.DoNotContactSkipped + list.WithoutPatientRow;
                var leftOut = left > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({left:N0} left out: do not contact or no longer in the data)") : "";
                leftOut += list.HeldBack > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({list.HeldBack:N0} held back: tried in the last days, declined, called lately, or not to be contacted)") : "";
                context.Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture, $"{list.File.Path}: {list.File.RowsWritten:N0} patient(s) to call as of {list.AsOf:yyyy-MM-dd}{leftOut}"));
            }

            return CommandAction.Success;
        });

        var outreach = new Command("outreach", "Lists for front desk, and recording the lists they worked.");
        outreach.Subcommands.Add(lists);
        outreach.Subcommands.Add(OutreachImportCommand.Create(console));
        return outreach;
    }
}
