using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>A past month whose reported numbers were recomputed (restated), and when.</summary>
public sealed record RestatedMonth(CalendarMonth Month, DateOnly RestatedOn);
