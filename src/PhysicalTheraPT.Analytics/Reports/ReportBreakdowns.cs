using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// The breakdowns of acute completions and conversion, all over the same completion months
/// (<see cref="FirstMonth"/> to <see cref="LastMonth"/>; often just the report month, whose windows are
/// still maturing, or the last 12 months to compare clinics on matured numbers). A conversion cell's own
/// completions count may be smaller than the row's when it only counts the matured months; then
/// <see cref="Windows"/> says which months each window counts.
/// </summary>
/// <param name="Windows">Per conversion window, the months its cells count; null or empty when every cell counts the whole period.</param>
internal sealed record ReportBreakdowns(
    CalendarMonth FirstMonth,
    CalendarMonth LastMonth,
    IReadOnlyList<BreakdownLine> Clinics,
    IReadOnlyList<BreakdownLine> Providers,
    IReadOnlyList<BreakdownLine> BodyRegions,
    IReadOnlyList<BreakdownLine> ReferralSources,
    IReadOnlyList<BreakdownLine> EndTypes,
    IReadOnlyList<BreakdownWindow>? Windows = null)
{
    /// <summary>
    /// All clinics together over the same months: the group each clinic and provider is compared with
    /// (above or below only when its whole interval lies on one side of the group's rate). Null: no comparison.
    /// </summary>
    public BreakdownLine? Group { get; init; }

    /// <summary>"March 2026", or "April 2025 to March 2026".</summary>
    public string PeriodLabel => FirstMonth == LastMonth ? LastMonth.LongLabel : FirstMonth.LongLabel + " to " + LastMonth.LongLabel;
}

/// <summary>
/// One line of a breakdown (a clinic, a provider, a body region, a referral source, an end type):
/// acute completions and their conversion per window. <see cref="Detail"/> is an optional second
/// column (the clinic id beside a clinic name, the clinic beside a provider).
/// </summary>
internal sealed record BreakdownLine(string Name, string? Detail, int Completions, IReadOnlyList<ConversionCell> Conversions)
{
    public ConversionCell? Conversion(int windowDays) => Conversions.FirstOrDefault(cell => cell.WindowDays == windowDays);
}

/// <summary>
/// Which completion months a breakdown's conversion within <see cref="WindowDays"/> counts: those whose
/// window has closed, <see cref="FirstMonth"/> to <see cref="LastMonth"/> (windows close oldest month
/// first). Null months: no month of the period has closed yet, so the cells are maturing and count every
/// month so far.
/// </summary>
internal sealed record BreakdownWindow(int WindowDays, CalendarMonth? FirstMonth, CalendarMonth? LastMonth)
{
    public bool AnyClosed => LastMonth is not null;
}
