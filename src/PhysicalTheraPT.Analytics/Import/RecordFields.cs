using System.Globalization;

namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// The value rules of the data contract, applied to the current record of an <see cref="IContractRecords"/>
/// (a CSV file or a source's query).
/// Each getter returns the parsed value, or records a problem (file, line, column, what is expected) and
/// returns a placeholder, so one pass over a row finds every problem in it. Values are trimmed. A problem
/// never carries the value: with columns swapped any column can hold a name or an email address.
/// Dates, times and time zones are read in RecordFields.Dates.cs.
/// </summary>
internal sealed partial class RecordFields
{
    public const int MaxIdLength = 64;

    private readonly IContractRecords _reader;
    private readonly List<ImportError> _problems = [];

    public RecordFields(IContractRecords reader)
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
        foreach (var problem in _reader.RecordProblems())
        {
            AddRecordProblem(problem);
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
    public void Add(string column, string reason) => _problems.Add(new ImportError(_reader.Name, Line, column, reason));

    private void AddRecordProblem(string reason) => _problems.Add(new ImportError(_reader.Name, Line, ImportError.WholeRow, reason));

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
}
