using System.Globalization;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Scheduling;

namespace PhysicalTheraPT.Analytics.Demo;

/// <summary>
/// Runs the scheduled jobs the way <c>ptanalytics serve</c> runs them: as Hangfire jobs, one per clinic,
/// on an in-process server with the embedded job storage, and lists what each one made. A job that
/// fails is listed with its message; the demo goes on. The workbooks land where the service writes them
/// (<c>reports/monthly/</c> and <c>reports/outreach/</c>), so the demo shows exactly what a clinic gets.
/// </summary>
internal sealed class RunScheduledJobsStep(IServiceProvider services) : IDemoStep
{
    public string Title => "Run the scheduled jobs on Hangfire";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var runs = await JobRunner.RunNowAsync(services, JobNames.All, cancellationToken);
        foreach (var run in runs)
        {
            if (run.JobName == JobNames.Sync && run.Work.Count == 0 && run.Failure is null)
            {
                // The demo's data is seeded, not pulled: say so rather than "0 of 0 job(s)".
                context.Made(run.JobName, "no sources configured (the seeded history stands in for a clinic's system; docs/sources.md)");
                continue;
            }

            var succeeded = run.Work.Count(work => work.Succeeded);
            var rows = run.Work.Sum(work => work.LastRun?.RowsWritten ?? 0);
            // One failure says what went wrong; the rest are in `ptanalytics runs` and on the dashboard.
            var firstFailure = run.Failure ?? run.Work.FirstOrDefault(work => !work.Succeeded)?.Failure;
            context.Made(run.JobName, firstFailure is null
                ? string.Create(CultureInfo.InvariantCulture, $"{succeeded} of {run.Work.Count} job(s) succeeded, {rows:N0} row(s)")
                : string.Create(CultureInfo.InvariantCulture, $"{succeeded} of {run.Work.Count} job(s) succeeded; {firstFailure}"));
            foreach (var work in run.Work.Where(work => work.LastRun is not null))
            {
                var files = work.LastRun!.Files;
                foreach (var workbook in files.Where(path => path.EndsWith(".xlsx", StringComparison.Ordinal)))
                {
                    context.Made($"{run.JobName} {work.LastRun.ClinicLabel}", workbook);
                }

                // The charts lie beside their workbook: their names are enough, and keep the summary readable.
                var charts = files.Where(path => path.EndsWith(".png", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();
                if (charts.Count > 0)
                {
                    context.Made($"{run.JobName} {work.LastRun.ClinicLabel} charts", string.Join("\n", charts));
                }
            }
        }
    }
}
