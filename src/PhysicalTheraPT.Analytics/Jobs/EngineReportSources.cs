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

/// <summary>
/// A clinic's outreach list as of a date: the flagged patients front desk should call, in the report model,
/// from the flags stored for that date when there are any.
/// </summary>
internal interface IOutreachListSource
{
    Task<OutreachListBuild> BuildAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken);
}

/// <summary>The monthly retention report of one clinic (or all clinics: null) for a month, as of a date, in the report model.</summary>
internal interface IMonthlyReportSource
{
    Task<MonthlyReport> BuildAsync(string? clinicId, CalendarMonth month, DateOnly asOf, CancellationToken cancellationToken);
}
