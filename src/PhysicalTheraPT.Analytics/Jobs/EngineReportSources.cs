using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// The report models the outreach-lists and retention-report jobs write, from the retention engine: each
/// job's work item is one pass through <see cref="OutreachListService"/> or <see cref="MonthlyReportService"/>,
/// the same code the command line and the demo use, so a job's workbook equals the command's.
/// </summary>
internal sealed class EngineReportSources(OutreachListService outreach, MonthlyReportService reports) : IOutreachListSource, IMonthlyReportSource
{
    public Task<OutreachListBuild> BuildAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken) =>
        outreach.BuildAsync(clinicId, asOf, cancellationToken);

    public Task<MonthlyReport> BuildAsync(string? clinicId, CalendarMonth month, DateOnly asOf, CancellationToken cancellationToken) =>
        reports.BuildAsync(clinicId, month, asOf, cancellationToken);
}
