using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// The most recent completion month whose conversion window has closed, for one window. Null
/// <see cref="CohortMonth"/>: no month in the trend has matured yet for this window.
/// </summary>
public sealed record MaturedCohort(int WindowDays, CalendarMonth? CohortMonth, int Completions, int Converted, double? Rate);
