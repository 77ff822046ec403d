using System.Globalization;

namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// The value rules of the data contract, applied to the current record of a <see cref="ContractCsvReader"/>.
/// Each getter returns the parsed value, or records a problem (file, line, column, what is expected) and
/// returns a placeholder, so one pass over a row finds every problem in it. Values are trimmed. A problem
/// never carries the value: with columns swapped any column can hold a name or an email address.
/// </summary>
internal sealed class RecordFields
{
    public const int MaxIdLength = 64;

    private static readonly string[] DateFormat = ["yyyy-MM-dd"];
    private static readonly string[] WallClockFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];
    private static readonly string[] LocalDateTimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
    private static readonly string[] OffsetDateTimeFormats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private readonly ContractCsvReader _reader;
    private readonly List<ImportError> _problems = [];

    public RecordFields(ContractCsvReader reader)
    {
        _reader = reader;
    }

    public ContractFile File => _reader.File;

    public int Line => _reader.Line;

    public IReadOnlyList<ImportError> Problems => _problems;

    public bool HasProblems => _problems.Count > 0;

    /// <summary>
    /// Starts the next record: forgets the last record's problems and checks this one's shape (quoting,
    /// field count, UTF-8). Returns whether its fields can be read.
    /// </summary>
    public bool Begin()
    {
        _problems.Clear();
        if (_reader.QuotingProblem is { } quoting)
        {
            AddRecordProblem(quoting);
        }

        if (!_reader.IsValidUtf8)
        {
            AddRecordProblem("the row is not valid UTF-8 text; save the export as UTF-8");
        }

        if (_reader.FieldCount != _reader.HeaderFieldCount)
        {
            AddRecordProblem(
                $"the row has {_reader.FieldCount} fields but the header has {_reader.HeaderFieldCount} " +
                "(a comma inside a value that is not quoted?)");
        }

        return !HasProblems;
    }

    /// <summary>The trimmed value of <paramref name="column"/>.</summary>
    public string Value(string column) => _reader.Value(File.OrdinalOf(column)).Trim();

    /// <summary>A required id: non-blank, at most 64 characters.</summary>
    public string Id(string column) => IsBlank(column) ? Blank(column, "is required") : OptionalId(column)!;

    /// <summary>An id that may be blank (null).</summary>
    public string? OptionalId(string column)
    {
        var value = Value(column);
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Length > MaxIdLength)
        {
            Add(column, $"is {value.Length} characters long; ids may have at most {MaxIdLength}");
        }

        return value;
    }

    public string Text(string column, int maxLength) => IsBlank(column) ? Blank(column, "is required") : OptionalText(column, maxLength)!;

    public string? OptionalText(string column, int maxLength)
    {
        var value = Value(column);
        if (value.Length > maxLength)
        {
            Add(column, $"is {value.Length} characters long; at most {maxLength} fit");
        }

        return value.Length == 0 ? null : value;
    }

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

    /// <summary>One of <paramref name="allowed"/>, matched ignoring case; returned as listed.</summary>
    public string OneOf(string column, IReadOnlyList<string> allowed) => IsBlank(column)
        ? Blank(column, $"is required (one of {string.Join(", ", allowed)})")
        : OptionalOneOf(column, allowed) ?? "";

    public string? OptionalOneOf(string column, IReadOnlyList<string> allowed)
    {
        var value = Value(column);
        if (value.Length == 0)
        {
            return null;
        }

        foreach (var candidate in allowed)
        {
            if (candidate.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        Add(column, $"is not one of {string.Join(", ", allowed)}");
        return null;
    }

    /// <summary>true/false, 1/0, yes/no (any case); blank is false.</summary>
    public bool Flag(string column)
    {
        var value = Value(column);
        switch (value.ToLowerInvariant())
        {
            case "" or "false" or "0" or "no":
                return false;
            case "true" or "1" or "yes":
                return true;
            default:
                Add(column, "is not true or false (1/0 and yes/no are accepted too; blank means false)");
                return false;
        }
    }

    public int? OptionalPositiveNumber(string column)
    {
        var value = Value(column);
        if (value.Length == 0)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        Add(column, "is not a whole number above zero");
        return null;
    }

    /// <summary>An email address, loosely: something with an @ in it. Null when blank.</summary>
    public string? OptionalEmail(string column, int maxLength)
    {
        var value = OptionalText(column, maxLength);
        if (value is not null && (!value.Contains('@', StringComparison.Ordinal) || value.Contains(' ', StringComparison.Ordinal)))
        {
            Add(column, "is not an email address (needs an @ and no spaces)");
        }

        return value;
    }

    /// <summary>Records a problem with <paramref name="column"/>: the reason says what is expected, never what was found.</summary>
    public void Add(string column, string reason) => _problems.Add(new ImportError(File.FileName, Line, column, reason));

    private void AddRecordProblem(string reason) => _problems.Add(new ImportError(File.FileName, Line, ImportError.WholeRow, reason));

    private bool IsBlank(string column) => Value(column).Length == 0;

    private string Blank(string column, string reason)
    {
        Add(column, reason);
        return "";
    }

    private T BlankValue<T>(string column, string reason)
        where T : struct
    {
        Add(column, reason);
        return default;
    }

    private static bool HasOffset(string value) =>
        value.EndsWith('Z') || value.EndsWith('z') || value.AsSpan().LastIndexOfAny('+', '-') > "yyyy-MM-dd".Length;

    private static DateTime ToWholeSeconds(DateTime utc) =>
        DateTime.SpecifyKind(new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc);
}
