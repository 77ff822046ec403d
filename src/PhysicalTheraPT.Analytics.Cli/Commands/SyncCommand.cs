using System.CommandLine;
using System.Globalization;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Sources;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>
/// <c>ptanalytics sync [--source NAME] [--allow-large-removal]</c>: pulls every configured source (or one)
/// into the store now, as the nightly <c>sync</c> job does, prints what each did per table, and records
/// each in <c>runs</c>. Exit 0 when every source synced, 2 when one needs fixing (a setting, a bad row, a
/// missing column, the large-removal guard), 3 when one could not be reached (try again later).
/// </summary>
internal static class SyncCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var sourceName = new Option<string?>("--source")
        {
            Description = "Sync only the source of this Name (default: every source in the Sources setting).",
        };
        var allowLargeRemoval = new Option<bool>("--allow-large-removal")
        {
            Description = "Let this sync remove more than Sources:N:MaxRemovedFraction of a clinic's appointments, or all of them (when the source really dropped them).",
        };

        var sync = new Command("sync", "Pull clinic data from the configured sources (practice databases, OpenEMR, export folders) into the store now.");
        sync.Options.Add(sourceName);
        sync.Options.Add(allowLargeRemoval);
        CommandAction.Set(sync, console, async context =>
        {
            var sources = context.Get<SourceSync>();
            var selected = sources.Sources.Select(context.Value(sourceName));
            if (selected.Count == 0)
            {
                throw new UserInputException("No Sources are configured, so there is nothing to sync. Add one to ptanalytics.json (see docs/sources.md), or import files with `ptanalytics import`.");
            }

            foreach (var (index, source) in selected)
            {
                sources.Validate(index, source);
            }

            var runs = context.Get<JobRunStore>();
            var work = JobWorkItem.ForDate(JobNames.Sync, null, context.Get<ClinicCalendar>().ScheduleToday());
            var request = new SyncRequest(context.Value(allowLargeRemoval));
            var exitCode = CommandAction.Success;
            foreach (var (index, source) in selected)
            {
                var runId = await runs.StartAsync(work, JobRunContext.Direct, context.CancellationToken);
                try
                {
                    var result = await context.Console.Status().StartAsync($"Syncing {source.Name}", _ =>
                        sources.SyncAsync(index, source, request, progress: null, context.CancellationToken));
                    await runs.FinishAsync(runId, JobRunStatus.Succeeded, new JobOutcome([], result.RowsWritten, result.Summary), message: null);
                    Print(context.Console, result);
                }
                catch (Exception exception) when (exception is UserInputException or SourceUnavailableException)
                {
                    var message = exception.Message.StartsWith("Source ", StringComparison.Ordinal) ? exception.Message : $"Source {source.Name}: {exception.Message}";
                    await runs.FinishAsync(runId, JobRunStatus.Failed, outcome: null, message);
                    context.Console.MarkupLineInterpolated($"[red]Error:[/] {message}");
                    exitCode = Math.Max(exitCode, exception is SourceUnavailableException ? CommandAction.DatabaseUnavailable : CommandAction.UserError);
                }
            }

            return exitCode;
        });
        return sync;
    }

    private static void Print(IAnsiConsole console, SyncResult result)
    {
        if (!result.Wrote)
        {
            console.MarkupLineInterpolated($"{result.SourceName}: {result.Note ?? "nothing to sync"}.");
            return;
        }

        var title = result.SetName is null ? result.SourceName : $"{result.SourceName} (set {result.SetName})";
        var table = new Table().Title(Markup.Escape(title)).AddColumns("Table", "Read", "New", "Changed", "Unchanged", "Removed", "Rejected");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var counts in result.Tables)
        {
            table.AddRow(Markup.Escape(counts.Table), Count(counts.Read), Count(counts.New), Count(counts.Changed), Count(counts.Unchanged), Count(counts.Removed), Count(counts.Rejected));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"{result.SourceName}: synced in {result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
        if (result.RejectsPath is not null)
        {
            console.MarkupLineInterpolated(
                $"{result.Tables.Sum(counts => counts.Rejected)} row(s) rejected, written with their reasons to [yellow]{result.RejectsPath}[/] (owner-only: it can hold contact details).");
        }
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
