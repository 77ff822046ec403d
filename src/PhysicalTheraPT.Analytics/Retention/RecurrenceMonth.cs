namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>Recurrence for the completions of one month, split by early conversion to maintenance.</summary>
/// <param name="Maturing">True while the month's last day + RecurrenceWindowDays is on or after the as-of date.</param>
public sealed record RecurrenceMonth(CalendarMonth Month, RecurrenceGroup Converted, RecurrenceGroup NotConverted, bool Maturing);
