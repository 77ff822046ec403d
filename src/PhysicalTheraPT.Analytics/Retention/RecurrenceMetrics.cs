namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Does maintenance keep people out of trouble? Completions with E in <paramref name="FirstMonth"/> …
/// <paramref name="LastMonth"/> (M−23 … M−12 by default), split by a maintenance visit within
/// <paramref name="ConvertedWithinDays"/> of E, and how many started a new episode (recorded:
/// started_on; implicit: first visit) within <paramref name="WindowDays"/> after E.
/// </summary>
public sealed record RecurrenceMetrics(
    CalendarMonth FirstMonth,
    CalendarMonth LastMonth,
    int WindowDays,
    int ConvertedWithinDays,
    RecurrenceGroup Converted,
    RecurrenceGroup NotConverted,
    bool Maturing,
    IReadOnlyList<RecurrenceMonth> Months);
