using System.Globalization;

namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// The contract's dates, times and time zones: calendar dates, clinic-local wall-clock times, instants
/// with or without an offset, and IANA time zone ids.
/// </summary>
internal sealed partial class RecordFields
{
    private static readonly string[] DateFormat = ["yyyy-MM-dd"];
    private static readonly string[] WallClockFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];
    private static readonly string[] LocalDateTimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
    private static readonly string[] OffsetDateTimeFormats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public DateOnly Date(string column) => IsBlank(column)
        ? BlankValue<DateOnly>(column, "is required (YYYY-MM-DD)")
        : OptionalDate(column) ?? default;

    public DateOnly? OptionalDate(string column)
    {
        var value = Value(column);
        if (value.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Add(column, "is not a date in the form YYYY-MM-DD");
        return null;
    }

    /// <summary>A clinic-local wall-clock time, <c>YYYY-MM-DDTHH:MM</c> or with <c>:SS</c>; kind Unspecified.</summary>
    public DateTime WallClock(string column)
    {
        var value = Value(column);
        if (value.Length == 0)
        {
            return BlankValue<DateTime>(column, "is required (YYYY-MM-DDTHH:MM, clinic local time)");
        }

        if (DateTime.TryParseExact(value, WallClockFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            return wallClock;
        }

        Add(column, "is not a local date and time in the form YYYY-MM-DDTHH:MM (seconds :SS allowed)");
        return default;
    }

    /// <summary>
    /// An ISO 8601 date-time, in UTC, to the second. With an offset (<c>Z</c>, <c>+02:00</c>) it is that
    /// instant; without one it is wall-clock time in <paramref name="timeZone"/>. Null when blank.
    /// </summary>
    public DateTime? OptionalInstant(string column, TimeZoneInfo? timeZone)
    {
        var value = Value(column);
        if (value.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(value, OffsetDateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && HasOffset(value))
        {
            return ToWholeSeconds(instant.UtcDateTime);
        }

        if (!DateTime.TryParseExact(value, LocalDateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            Add(column, "is not an ISO 8601 date-time (YYYY-MM-DDTHH:MM[:SS], optionally with Z or an offset such as -06:00)");
            return null;
        }

        if (timeZone is null)
        {
            // The clinic is unknown or was rejected; that problem is reported on clinic_id.
            return null;
        }

        if (timeZone.IsInvalidTime(local))
        {
            Add(column, $"does not exist in {timeZone.Id} (clocks jump forward then); give the time with its UTC offset");
            return null;
        }

        return ToWholeSeconds(TimeZoneInfo.ConvertTimeToUtc(local, timeZone));
    }

    /// <summary>
    /// An IANA time zone id this machine knows (America/Denver). A Windows name (Mountain Standard Time) is
    /// refused with its IANA equivalent, so every database holds ids every platform reads the same way.
    /// </summary>
    public TimeZoneInfo? TimeZone(string column)
    {
        var value = Value(column);
        if (value.Length == 0)
        {
            Add(column, "is required (an IANA time zone id such as America/Denver)");
            return null;
        }

        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(value, out var ianaId) && !value.Equals(ianaId, StringComparison.Ordinal))
        {
            Add(column, $"is a Windows time zone name; use the IANA id {ianaId}");
            return null;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(value, out var timeZone) || !timeZone.HasIanaId)
        {
            Add(column, "is not an IANA time zone id this machine knows (e.g. America/Denver, Europe/Berlin)");
            return null;
        }

        return timeZone;
    }

    private static bool HasOffset(string value) =>
        value.EndsWith('Z') || value.EndsWith('z') || value.AsSpan().LastIndexOfAny('+', '-') > "yyyy-MM-dd".Length;

    private static DateTime ToWholeSeconds(DateTime utc) =>
        DateTime.SpecifyKind(new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc);
}
