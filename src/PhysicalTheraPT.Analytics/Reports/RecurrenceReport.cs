using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Does maintenance keep people out of trouble: acute completions from <see cref="FirstCompletionMonth"/>
/// to <see cref="LastCompletionMonth"/>, split by whether they converted within
/// <see cref="ConversionWindowDays"/>, and how many started a new episode within
/// <see cref="RecurrenceWindowDays"/>. <see cref="Maturing"/>: the latest completions have not had the
/// whole recurrence window yet, so the counts can still grow.
/// </summary>
public sealed record RecurrenceReport(
    CalendarMonth FirstCompletionMonth,
    CalendarMonth LastCompletionMonth,
    int ConversionWindowDays,
    int RecurrenceWindowDays,
    RecurrenceCounts Converted,
    RecurrenceCounts NotConverted,
    bool Maturing = false);
