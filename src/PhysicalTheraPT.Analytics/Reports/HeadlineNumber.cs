using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// A headline on the Summary sheet: the value for <see cref="ValueMonth"/> (the report month, or for
/// conversion the latest matured cohort month), the month before, the median of the last 12 months,
/// and the direction of change. <see cref="Note"/> says what the reader must know (provisional, which
/// cohort); <see cref="Provisional"/> values are shown in the "not final yet" style.
/// </summary>
public sealed record HeadlineNumber(
    string Measure,
    ValueUnit Unit,
    CalendarMonth? ValueMonth,
    double? Value,
    double? MonthBefore,
    double? TwelveMonthMedian,
    string? Note,
    bool Provisional = false)
{
    public ChangeDirection Direction => (Value, MonthBefore) switch
    {
        (null, _) or (_, null) => ChangeDirection.NotComparable,
        var (now, before) when now > before => ChangeDirection.Up,
        var (now, before) when now < before => ChangeDirection.Down,
        _ => ChangeDirection.Unchanged,
    };
}
