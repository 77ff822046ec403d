using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>What one <see cref="MonthlyReportService"/> run wrote: every workbook with its charts, all clinics first.</summary>
/// <param name="Patients">How many patients' histories the one pass read.</param>
public sealed record MonthlyReportRun(CalendarMonth Month, DateOnly AsOf, int Patients, IReadOnlyList<MonthlyReportFiles> Workbooks);
