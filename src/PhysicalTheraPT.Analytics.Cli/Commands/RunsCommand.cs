using System.CommandLine;
using System.Globalization;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Scheduling;
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

            var store = context.Get<JobRunStore>();
            if ((await store.ListRunningAsync(context.CancellationToken)).Count > 0)
            {
                // A run shown as running may belong to a process that died: say so before showing it.
                await using var scheduling = await SchedulingHost.OpenAsync(context.Services, pollInterval: null, context.CancellationToken);
                await scheduling.RecoverAbandonedRunsAsync(context.CancellationToken);
            }

            var recent = await store.ListRecentAsync(count, context.CancellationToken);
            if (recent.Count == 0)
            {
                context.Console.MarkupLine("No job has run yet. Start `ptanalytics serve`, or run one now with `ptanalytics serve --once refresh-flags`.");
                return CommandAction.Success;
            }

            // Two short lines per cell rather than many columns, so a run stays readable in 80 columns.
            var table = new Table()
                .AddColumn(new TableColumn("Started (UTC)").NoWrap())
                .AddColumn(new TableColumn("Job").NoWrap())
                .AddColumn(new TableColumn("Status").NoWrap())
                .AddColumn(new TableColumn("Rows").RightAligned())
                .AddColumn("Message and files");
            foreach (var run in recent)
            {
                var took = run.FinishedAt is { } finished ? $"{(finished - run.StartedAt).TotalSeconds:0.0} s" : "running";
                table.AddRow(
                    new Markup($"{run.StartedAt:yyyy-MM-dd}\n{run.StartedAt:HH:mm:ss} [grey]{took}[/]"),
                    new Markup($"{Markup.Escape(run.Job)}\n{Markup.Escape(run.ClinicLabel)} {Markup.Escape(run.Period)}"),
                    new Markup($"{StatusMarkup(run.Status)}\n[grey]try {run.Attempt}[/]"),
                    new Text(run.RowsWritten?.ToString(CultureInfo.InvariantCulture) ?? ""),
                    new Text(string.Join('\n', new[] { run.Message ?? "" }.Concat(run.Files).Where(line => line.Length > 0))));
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
        JobRunStatus.Abandoned => "[yellow]abandoned[/]",
        _ => Markup.Escape(status),
    };
}
