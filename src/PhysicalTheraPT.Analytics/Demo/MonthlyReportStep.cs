using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Demo;

/// <summary>
/// Writes the monthly retention workbook of the last complete month, for all clinics and for each clinic,
/// with its charts, as of the day after that month (the default, as the monthly job does).
/// </summary>
internal sealed class MonthlyReportStep(AnalyticsDatabase database, MonthlyReportService reports) : IDemoStep
{
    public string Title => "Write the monthly retention workbooks";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var progress = await context.ProgressOverPatientsAsync(database, cancellationToken);
        var request = new MonthlyReportRequest
        {
            Month = CalendarMonth.Of(context.Today).AddMonths(-1),
            EveryClinic = true,
            OutputDirectory = context.ReportsDirectory,
        };
        var run = await reports.WriteAsync(request, progress, cancellationToken);
        foreach (var workbook in run.Workbooks)
        {
            context.Made("Monthly workbook " + run.Month, workbook.WorkbookPath);
            // The charts lie beside their workbook: their names are enough, and keep the summary readable.
            context.Made("  its charts, beside it", string.Join("\n", workbook.ChartPaths.Select(Path.GetFileName)));
        }
    }
}
