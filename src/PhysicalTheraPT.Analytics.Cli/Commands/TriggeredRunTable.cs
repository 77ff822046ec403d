using PhysicalTheraPT.Analytics.Scheduling;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>Prints what a triggered job did: one row per clinic job, with its state, rows, files and message.</summary>
internal static class TriggeredRunTable
{
    public static void Write(IAnsiConsole console, TriggeredRun run)
    {
        if (run.Failure is not null)
        {
            console.MarkupLineInterpolated($"[red]{run.JobName} failed before it reached the clinics:[/] {run.Failure}");
        }

        if (run.Failure is null && run.Work.Count == 0)
        {
            console.MarkupLineInterpolated($"{run.JobName}: the database has no clinics, so there was nothing to do. Import or seed clinic data first.");
            return;
        }

        var table = new Table().Title($"{run.JobName} (job {run.SchedulerJobId})")
            .AddColumn(new TableColumn("Clinic").NoWrap())
            .AddColumn(new TableColumn("Period").NoWrap())
            .AddColumn(new TableColumn("State").NoWrap())
            .AddColumn(new TableColumn("Try").RightAligned())
            .AddColumn(new TableColumn("Rows").RightAligned())
            .AddColumn("Message and files");
        foreach (var work in run.Work)
        {
            var last = work.LastRun;
            table.AddRow(
                Markup.Escape(last?.ClinicLabel ?? "?"),
                Markup.Escape(last?.Period ?? ""),
                work.Succeeded ? "[green]succeeded[/]" : $"[red]{Markup.Escape(work.State.ToLowerInvariant())}[/]",
                Markup.Escape(last?.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                Markup.Escape(last?.RowsWritten?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                Markup.Escape(string.Join('\n', new[] { work.Failure ?? last?.Message ?? "" }.Concat(last?.Files ?? []).Where(line => line.Length > 0))));
        }

        console.Write(table);
        var succeeded = run.Work.Count(work => work.Succeeded);
        console.MarkupLineInterpolated($"{run.JobName}: {succeeded} of {run.Work.Count} job(s) succeeded.");
    }
}
