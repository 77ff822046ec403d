using System.CommandLine;
using System.Globalization;
using PhysicalTheraPT.Analytics.Jobs;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary><c>ptanalytics runs [--last N]</c>: the latest recorded runs of the scheduled jobs, newest first.</summary>
internal static class RunsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var last = new Option<int>("--last")
        {
            Description = "How many runs to list, newest first.",
            DefaultValueFactory = _ => 20,
        };
        var runs = new Command("runs", "List the latest runs of the scheduled jobs: job, clinic, period, started, finished, status, files, rows, message.");
        runs.Options.Add(last);
        CommandAction.Set(runs, console, async context =>
        {
            var count = context.Value(last);
            if (count < 1)
            {
                throw new UserInputException($"--last {count}: give a number of runs of 1 or more.");
            }

            var recent = await context.Get<JobRunStore>().ListRecentAsync(count, context.CancellationToken);
            if (recent.Count == 0)
            {
                context.Console.MarkupLine("No job has run yet. Start `ptanalytics serve`, or run one now with `ptanalytics serve --once refresh-flags`.");
                return CommandAction.Success;
            }

            var table = new Table().AddColumns("Started (UTC)", "Finished", "Job", "Clinic", "Period", "Status", "Attempt", "Rows", "Files", "Message");
            foreach (var run in recent)
            {
                table.AddRow(
                    run.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    run.FinishedAt?.ToString("HH:mm:ss", CultureInfo.InvariantCulture) ?? "",
                    Markup.Escape(run.Job),
                    Markup.Escape(run.ClinicLabel),
                    Markup.Escape(run.Period),
                    StatusMarkup(run.Status),
                    run.Attempt.ToString(CultureInfo.InvariantCulture),
                    run.RowsWritten?.ToString(CultureInfo.InvariantCulture) ?? "",
                    Markup.Escape(string.Join('\n', run.Files)),
                    Markup.Escape(run.Message ?? ""));
            }

            context.Console.Write(table);
            return CommandAction.Success;
        });
        return runs;
    }

    private static string StatusMarkup(string status) => status switch
    {
        JobRunStatus.Succeeded => "[green]succeeded[/]",
        JobRunStatus.Failed => "[red]failed[/]",
        JobRunStatus.Cancelled => "[yellow]cancelled[/]",
        _ => Markup.Escape(status),
    };
}
