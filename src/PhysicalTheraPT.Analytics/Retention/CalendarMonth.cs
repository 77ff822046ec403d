using System.Globalization;

namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>A calendar month such as 2026-03: the unit of the monthly numbers.</summary>
public readonly record struct CalendarMonth(int Year, int Month) : IComparable<CalendarMonth>
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    /// <summary>The first day of the next month: the default as-of date of the month's numbers.</summary>
    public DateOnly DayAfter => LastDay.AddDays(1);

    /// <summary>Months since year 0: consecutive months have consecutive indexes.</summary>
    internal int Index => (Year * 12) + Month - 1;

    public static CalendarMonth Of(DateOnly date) => new(date.Year, date.Month);

    internal static CalendarMonth FromIndex(int index) => new(index / 12, (index % 12) + 1);

    public CalendarMonth AddMonths(int months) => FromIndex(Index + months);

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    /// <summary>Parses <c>YYYY-MM</c>; null when the text is not such a month.</summary>
    public static CalendarMonth? TryParse(string? text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? Of(day)
            : null;

    public int CompareTo(CalendarMonth other) => Index.CompareTo(other.Index);

    public static bool operator <(CalendarMonth left, CalendarMonth right) => left.Index < right.Index;

    public static bool operator >(CalendarMonth left, CalendarMonth right) => left.Index > right.Index;

    public static bool operator <=(CalendarMonth left, CalendarMonth right) => left.Index <= right.Index;

    public static bool operator >=(CalendarMonth left, CalendarMonth right) => left.Index >= right.Index;

    /// <summary><c>YYYY-MM</c>.</summary>
    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
