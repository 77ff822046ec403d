using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>The monthly retention report of one clinic (or all clinics: null) for a month, as of a date, in the report model.</summary>
public interface IMonthlyReportSource
{
    Task<MonthlyReport> BuildAsync(string? clinicId, CalendarMonth month, DateOnly asOf, CancellationToken cancellationToken);
}
