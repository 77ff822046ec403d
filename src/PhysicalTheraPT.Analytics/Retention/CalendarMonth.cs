using System.Globalization;

namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// A calendar month such as 2026-03: the unit of the monthly numbers and of the reports. Its own small
/// type (not a DateOnly on the 1st) so nothing can mix a day into what is meant to be a whole month.
/// </summary>
internal readonly record struct CalendarMonth(int Year, int Month) : IComparable<CalendarMonth>
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    /// <summary>The first day of the next month: the default as-of date of the month's numbers.</summary>
    public DateOnly DayAfter => LastDay.AddDays(1);

    /// <summary>"Mar 26": the label on chart axes and in the workbook's month cells.</summary>
    public string ShortLabel => FirstDay.ToString("MMM yy", CultureInfo.InvariantCulture);

    /// <summary>"March 2026": titles and sentences.</summary>
    public string LongLabel => FirstDay.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

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

    /// <summary>Parses <c>YYYY-MM</c>; false when the text is not such a month.</summary>
    public static bool TryParse(string? text, out CalendarMonth month)
    {
        month = TryParse(text) ?? default;
        return month != default;
    }

    public int CompareTo(CalendarMonth other) => Index.CompareTo(other.Index);

    public static bool operator <(CalendarMonth left, CalendarMonth right) => left.Index < right.Index;

    public static bool operator >(CalendarMonth left, CalendarMonth right) => left.Index > right.Index;

    public static bool operator <=(CalendarMonth left, CalendarMonth right) => left.Index <= right.Index;

    public static bool operator >=(CalendarMonth left, CalendarMonth right) => left.Index >= right.Index;

    /// <summary><c>YYYY-MM</c>.</summary>
    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
