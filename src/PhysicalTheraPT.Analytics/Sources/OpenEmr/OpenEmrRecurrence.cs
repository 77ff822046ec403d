using System.Globalization;

namespace PhysicalTheraPT.Analytics.Sources.OpenEmr;

/// <summary>
/// How an OpenEMR appointment series repeats: <c>pc_recurrtype</c> with its PHP-serialized
/// <c>pc_recurrspec</c>, read the way OpenEMR's own calendar reads them (library/appointments.inc.php,
/// <c>fetchEvents</c>). Three kinds: every N days, weeks, months, years or workdays (type 1); the Nth
/// (or last) weekday of every N months (type 2); given weekdays of every week (type 3). The dates of
/// <c>exdate</c> (occurrences deleted or moved one at a time) are left out. Pure: no clock, no I/O.
/// </summary>
internal sealed record OpenEmrRecurrence
{
    private OpenEmrRecurrence(RecurrenceKind kind, int interval, RepeatUnit unit, int weekOfMonth, DayOfWeek weekday,
        IReadOnlySet<DayOfWeek> weekdays, bool steppedFromFirstOfMonth, IReadOnlySet<DateOnly> exceptions)
    {
        Kind = kind;
        Interval = interval;
        Unit = unit;
        WeekOfMonth = weekOfMonth;
        Weekday = weekday;
        Weekdays = weekdays;
        SteppedFromFirstOfMonth = steppedFromFirstOfMonth;
        Exceptions = exceptions;
    }

    internal enum RecurrenceKind { Every = 1, NthWeekdayOfMonth = 2, Weekdays = 3 }

    /// <summary>OpenEMR's <c>event_repeat_freq_type</c> of a type-1 series.</summary>
    internal enum RepeatUnit { Day = 0, Week = 1, Month = 2, Year = 3, Workday = 4 }

    public RecurrenceKind Kind { get; }

    /// <summary>Every this many units (type 1) or months (type 2).</summary>
    public int Interval { get; }

    public RepeatUnit Unit { get; }

    /// <summary>Type 2: 1 to 4, or 5 for the last such weekday of the month.</summary>
    public int WeekOfMonth { get; }

    /// <summary>Type 2: the weekday.</summary>
    public DayOfWeek Weekday { get; }

    /// <summary>Type 3: the weekdays of every week.</summary>
    public IReadOnlySet<DayOfWeek> Weekdays { get; }

    /// <summary>
    /// Type 2 with <c>rt2_pf_flag</c> (every series saved since 2016): months are stepped from the 1st.
    /// Older series step from the start date's day, so one starting on the 31st skips short months,
    /// exactly as OpenEMR's calendar shows them.
    /// </summary>
    public bool SteppedFromFirstOfMonth { get; }

    public IReadOnlySet<DateOnly> Exceptions { get; }

    /// <summary>
    /// Reads a series' recurrence. Null when OpenEMR's own calendar leaves the series out (the spec lacks
    /// its frequency, as <c>checkEvent</c> finds), so this service leaves it out too. A text that is not a
    /// recurrence spec throws a <see cref="UserInputException"/> naming the event, never a patient value.
    /// </summary>
    public static OpenEmrRecurrence? Parse(long eventId, int recurrenceType, string? spec)
    {
        IReadOnlyDictionary<string, string?> values;
        try
        {
            values = PhpSerializedArray.Parse(spec ?? "");
        }
        catch (FormatException exception)
        {
            throw Malformed(eventId, exception.Message);
        }

        var exceptions = ExceptionDates(eventId, values);
        switch (recurrenceType)
        {
            case 1:
            case 3:
                if (IsPhpEmpty(values, "event_repeat_freq") || !values.TryGetValue("event_repeat_freq_type", out var type) || type is null)
                {
                    return null;
                }

                return recurrenceType == 1
                    ? new OpenEmrRecurrence(RecurrenceKind.Every, Positive(eventId, values, "event_repeat_freq"),
                        ParseUnit(eventId, type), 0, default, new HashSet<DayOfWeek>(), false, exceptions)
                    : new OpenEmrRecurrence(RecurrenceKind.Weekdays, 1, RepeatUnit.Week, 0, default,
                        WeekdayList(eventId, values["event_repeat_freq"]!), false, exceptions);
            case 2:
                if (IsPhpEmpty(values, "event_repeat_on_freq") || IsPhpEmpty(values, "event_repeat_on_num")
                    || !values.TryGetValue("event_repeat_on_day", out var day) || day is null)
                {
                    return null;
                }

                var weekOfMonth = Positive(eventId, values, "event_repeat_on_num");
                var weekday = int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var dayNumber) && dayNumber <= 6
                    ? (DayOfWeek)dayNumber
                    : throw Malformed(eventId, "event_repeat_on_day is not a weekday number 0 (Sunday) to 6");
                return weekOfMonth > 5
                    ? throw Malformed(eventId, "event_repeat_on_num is not 1 to 4 or 5 (last)")
                    : new OpenEmrRecurrence(RecurrenceKind.NthWeekdayOfMonth, Positive(eventId, values, "event_repeat_on_freq"),
                        RepeatUnit.Month, weekOfMonth, weekday, new HashSet<DayOfWeek>(),
                        !IsPhpEmpty(values, "rt2_pf_flag"), exceptions);
            default:
                throw new UserInputException(
                    $"OpenEMR event {eventId}: pc_recurrtype {recurrenceType} is not a repeat type OpenEMR knows (1, 2 or 3). "
                    + "Open the appointment in OpenEMR's calendar and save its repeat settings again.");
        }
    }

    /// <summary>
    /// The series' dates from <paramref name="start"/> (<c>pc_eventDate</c>) to <paramref name="end"/>
    /// (<c>pc_endDate</c>, inclusive; null for a series without an end), never past
    /// <paramref name="horizon"/>, so an open-ended series stops at the sync's horizon.
    /// </summary>
    public IEnumerable<DateOnly> Occurrences(DateOnly start, DateOnly? end, DateOnly horizon)
    {
        var stop = end is { } last && last < horizon ? last : horizon;
        var dates = Kind == RecurrenceKind.NthWeekdayOfMonth ? MonthlyByWeekday(start, stop) : Stepped(start, stop);
        return dates.Where(date => !Exceptions.Contains(date));
    }

    private IEnumerable<DateOnly> Stepped(DateOnly start, DateOnly stop)
    {
        for (var date = start; date <= stop; date = Next(date))
        {
            yield return date;
        }
    }

    private DateOnly Next(DateOnly date) => Kind switch
    {
        RecurrenceKind.Weekdays => Weekdays.Min(day => date.AddDays(((int)day - (int)date.DayOfWeek + 6) % 7 + 1)),
        _ => Unit switch
        {
            RepeatUnit.Day => date.AddDays(Interval),
            RepeatUnit.Week => date.AddDays(7 * Interval),
            RepeatUnit.Month => PhpDate(date.Year, date.Month + Interval, date.Day),
            RepeatUnit.Year => PhpDate(date.Year + Interval, date.Month, date.Day),
            _ => AddWorkdays(date, Interval),
        },
    };

    private IEnumerable<DateOnly> MonthlyByWeekday(DateOnly start, DateOnly stop)
    {
        var cursor = new DateOnly(start.Year, start.Month, 1);
        var day = SteppedFromFirstOfMonth ? 1 : start.Day;
        while (cursor.Year * 12 + cursor.Month <= stop.Year * 12 + stop.Month)
        {
            var date = NthWeekday(cursor.Year, cursor.Month);
            if (date >= start && date <= stop)
            {
                yield return date;
            }

            var next = PhpDate(cursor.Year, cursor.Month + Interval, day);
            cursor = new DateOnly(next.Year, next.Month, 1);
            day = next.Day;
        }
    }

    /// <summary>The WeekOfMonth-th Weekday of the month; "5th" is the last, as in OpenEMR.</summary>
    private DateOnly NthWeekday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var date = first.AddDays(((int)Weekday - (int)first.DayOfWeek + 7) % 7 + 7 * (WeekOfMonth - 1));
        while (date.Month != month)
        {
            date = date.AddDays(-7);
        }

        return date;
    }

    /// <summary>PHP's <c>mktime</c>: a month or day past the end rolls over (31 February is 3 March).</summary>
    private static DateOnly PhpDate(int year, int month, int day) =>
        new DateOnly(year, 1, 1).AddMonths(month - 1).AddDays(day - 1);

    /// <summary>Monday to Friday, Saturday and Sunday skipped (OpenEMR's default weekend).</summary>
    private static DateOnly AddWorkdays(DateOnly date, int workdays)
    {
        while (workdays > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                workdays--;
            }
        }

        return date;
    }

    private static HashSet<DateOnly> ExceptionDates(long eventId, IReadOnlyDictionary<string, string?> values)
    {
        var dates = new HashSet<DateOnly>();
        foreach (var entry in (values.GetValueOrDefault("exdate") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            dates.Add(DateOnly.TryParseExact(entry, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Malformed(eventId, "exdate holds an entry that is not a date YYYYMMDD"));
        }

        return dates;
    }

    private static HashSet<DayOfWeek> WeekdayList(long eventId, string list)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var entry in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Type 3 numbers the days 1 (Sunday) to 7 (Saturday).
            days.Add(int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 7
                ? (DayOfWeek)(number - 1)
                : throw Malformed(eventId, "event_repeat_freq is not a list of weekdays 1 (Sunday) to 7"));
        }

        return days.Count > 0 ? days : throw Malformed(eventId, "event_repeat_freq names no weekday");
    }

    private static RepeatUnit ParseUnit(long eventId, string type) =>
        int.TryParse(type, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 4
            ? (RepeatUnit)number
            : throw Malformed(eventId, "event_repeat_freq_type is not 0 (day), 1 (week), 2 (month), 3 (year) or 4 (workday)");

    private static int Positive(long eventId, IReadOnlyDictionary<string, string?> values, string key) =>
        int.TryParse(values[key], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw Malformed(eventId, $"{key} is not a whole number above zero");

    /// <summary>PHP's <c>empty()</c>: missing, null, "" and "0" are all empty.</summary>
    private static bool IsPhpEmpty(IReadOnlyDictionary<string, string?> values, string key) =>
        !values.TryGetValue(key, out var value) || value is null or "" or "0";

    private static UserInputException Malformed(long eventId, string reason) =>
        new($"OpenEMR event {eventId} has a repeat setting (pc_recurrspec) that cannot be read: {reason}. Open the "
            + "appointment in OpenEMR's calendar and save its repeat settings again (or delete the series), then sync again.");
}
