using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Which completion months a breakdown's conversion within <see cref="WindowDays"/> counts: those whose
/// window has closed, <see cref="FirstMonth"/> to <see cref="LastMonth"/> (windows close oldest month
/// first). Null months: no month of the period has closed yet, so the cells are maturing and count every
/// month so far.
/// </summary>
public sealed record BreakdownWindow(int WindowDays, CalendarMonth? FirstMonth, CalendarMonth? LastMonth)
{
    public bool AnyClosed => LastMonth is not null;
}
