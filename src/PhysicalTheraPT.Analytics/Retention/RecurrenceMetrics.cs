namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Does maintenance keep people out of trouble? Completions with E in <paramref name="FirstMonth"/> …
/// <paramref name="LastMonth"/> (M−23 … M−12 by default), split by a maintenance visit within
/// <paramref name="ConvertedWithinDays"/> of E, and how many started a new episode (recorded:
/// started_on; implicit: first visit) within <paramref name="WindowDays"/> after E.
/// </summary>
internal sealed record RecurrenceMetrics(
    CalendarMonth FirstMonth,
    CalendarMonth LastMonth,
    int WindowDays,
    int ConvertedWithinDays,
    RecurrenceGroup Converted,
    RecurrenceGroup NotConverted,
    bool Maturing,
    IReadOnlyList<RecurrenceMonth> Months);

/// <summary>Recurrence for the completions of one month, split by early conversion to maintenance.</summary>
/// <param name="Maturing">True while the month's last day + RecurrenceWindowDays is on or after the as-of date.</param>
internal sealed record RecurrenceMonth(CalendarMonth Month, RecurrenceGroup Converted, RecurrenceGroup NotConverted, bool Maturing);

/// <summary>Completions of a group and how many of those patients started a new episode within the recurrence window.</summary>
internal sealed record RecurrenceGroup(int Completions, int Recurred)
{
    /// <summary>Recurred ÷ completions (0-1); null when there are no completions.</summary>
    public double? Rate => Completions == 0 ? null : (double)Recurred / Completions;
}
