using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// retention-report for one clinic, or for all clinics together: the month's retention workbook and its
/// charts, in the <c>monthly</c> folder of the output folder. As of the day after the month, unless that
/// day has not yet begun where the clinic is (then as of the clinic's today), so a rerun weeks later
/// gives the same workbook.
/// </summary>
internal sealed class RetentionReportJob : IClinicJob
{
    private readonly IMonthlyReportSource _reports;
    private readonly MonthlyWorkbookWriter _writer;
    private readonly AnalyticsDatabase _database;
    private readonly ClinicCalendar _calendar;
    private readonly SchedulingOptions _options;

    public RetentionReportJob(IMonthlyReportSource reports, MonthlyWorkbookWriter writer, AnalyticsDatabase database, ClinicCalendar calendar, IOptions<SchedulingOptions> options)
    {
        _reports = reports;
        _writer = writer;
        _database = database;
        _calendar = calendar;
        _options = options.Value;
    }

    public string Name => JobNames.RetentionReport;

    public async Task<JobOutcome> RunAsync(JobWorkItem work, CancellationToken cancellationToken)
    {
        var month = CalendarMonth.Of(work.PeriodAsMonth());
        var asOf = await AsOfAsync(work.ClinicId, month, cancellationToken);
        var report = await _reports.BuildAsync(work.ClinicId, month, asOf, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var files = _writer.Write(report, Path.Combine(_options.EffectiveOutputDirectory, "monthly"));
        return new JobOutcome(
            [files.WorkbookPath, .. files.ChartPaths],
            report.PatientsToCall.Count,
            $"{report.Scope.Name}, {month} as of {asOf:yyyy-MM-dd}: workbook and {files.ChartPaths.Count} chart(s); {report.PatientsToCall.Count} patient(s) to call.");
    }

    private async Task<DateOnly> AsOfAsync(string? clinicId, CalendarMonth month, CancellationToken cancellationToken)
    {
        DateOnly today;
        if (clinicId is null)
        {
            today = _calendar.ScheduleToday();
        }
        else
        {
            var clinics = await ClinicDirectory.LoadAsync(_database, cancellationToken);
            today = _calendar.ClinicToday(clinics, clinicId);
        }

        return AsOfDates.ForMonthSeenOn(month, today);
    }
}
