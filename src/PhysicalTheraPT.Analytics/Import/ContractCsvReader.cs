using System.Text;
using CsvHelper;

namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// Reads one contract file with CsvHelper: UTF-8 with or without a byte order mark, a header row, commas,
/// RFC 4180 quoting (line breaks inside quotes included). Header names are matched trimmed and ignoring
/// case, in any order; columns the contract does not know are ignored. <see cref="Line"/> is the physical
/// line a record starts on, counting the header as line 1 and every line inside quoted values.
/// </summary>
internal sealed class ContractCsvReader : IContractRecords
{
    private readonly CsvReader _reader;
    private readonly int[] _fieldIndexes;
    private readonly IReadOnlyDictionary<string, string>? _headerNames;
    private (long Line, CsvMalformedReason Reason)? _lastMalformed;

    private ContractCsvReader(string path, ContractFile file, IReadOnlyDictionary<string, string>? headerNames)
    {
        Path = path;
        File = file;
        _headerNames = headerNames;
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            // Setting the callback is what turns on detection of stray and unclosed quotes.
            OnMalformedRecord = record => _lastMalformed = (record.LineNumber, record.Reason),
        };
        _reader = CsvReader.FromFile(path, options);
        _fieldIndexes = new int[file.Columns.Count];
        Array.Fill(_fieldIndexes, -1);
        HeaderProblems = MapHeader();
    }

    public string Path { get; }

    public ContractFile File { get; }

    public string Name => File.FileName;

    /// <summary>What is wrong with the header (missing or repeated columns); empty when it is usable.</summary>
    public IReadOnlyList<string> HeaderProblems { get; }

    public int HeaderFieldCount { get; private set; }

    /// <summary>The physical line (1 = header) the current record starts on.</summary>
    public int Line { get; private set; }

    public int FieldCount => _reader.FieldCount;

    /// <summary>Why the current record's quoting is broken, or null when it is not.</summary>
    public string? QuotingProblem { get; private set; }

    /// <summary>Whether the current record is valid UTF-8 (a Latin-1 export is not, and would read as garbage).</summary>
    public bool IsValidUtf8 => System.Text.Unicode.Utf8.IsValid(_reader.RawRecord);

    /// <summary>The current record as it appears in the file, without its line break.</summary>
    public string RawRecord => Encoding.UTF8.GetString(_reader.RawRecord);

    /// <param name="headerNames">
    /// An EMR's own header names → the contract's column names (a folder source's <c>Columns</c>),
    /// matched trimmed and ignoring case; a header not listed is read as it is.
    /// </param>
    public static ContractCsvReader Open(string path, ContractFile file, IReadOnlyDictionary<string, string>? headerNames = null)
    {
        try
        {
            return new ContractCsvReader(path, file, headerNames);
        }
        catch (IOException exception)
        {
            throw new UserInputException($"Could not read {path}: {exception.Message}", exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new UserInputException($"Could not read {path}: {exception.Message} Check the file's permissions.", exception);
        }
    }

    public bool Read()
    {
        _lastMalformed = null;
        if (!_reader.Read())
        {
            return false;
        }

        Line = checked((int)_reader.LineNumber);
        QuotingProblem = _lastMalformed is { } malformed && malformed.Line == _reader.LineNumber
            ? Describe(malformed.Reason)
            : null;
        return true;
    }

    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Read());

    public IEnumerable<string> RecordProblems()
    {
        if (QuotingProblem is { } quoting)
        {
            yield return quoting;
        }

        if (!IsValidUtf8)
        {
            yield return "the row is not valid UTF-8 text; save the export as UTF-8";
        }

        if (FieldCount != HeaderFieldCount)
        {
            yield return $"the row has {FieldCount} fields but the header has {HeaderFieldCount} " +
                "(a comma inside a value that is not quoted?)";
        }
    }

    /// <summary>The value of a contract column in the current record, untrimmed; empty when the record is short.</summary>
    public string Value(int ordinal) => _reader.GetString(_fieldIndexes[ordinal]);

    /// <summary>The raw UTF-8 bytes of a contract column, without allocating a string.</summary>
    public ReadOnlySpan<byte> Utf8Value(int ordinal) => _reader.GetSpan(_fieldIndexes[ordinal]);

    public void Dispose() => _reader.Dispose();

    private List<string> MapHeader()
    {
        var problems = new List<string>();
        var headers = _reader.Headers;
        HeaderFieldCount = headers.Count;
        if (headers.Count == 0)
        {
            problems.Add($"{File.FileName} is empty: its first line must be a header with {string.Join(", ", File.Columns)}.");
            return problems;
        }

        if (DescribeForeignHeader(headers) is { } wholeHeader)
        {
            problems.Add($"{File.FileName}:1, {wholeHeader}");
            return problems;
        }

        for (var index = 0; index < headers.Count; index++)
        {
            var name = ContractName(headers[index]);
            if (!File.TryGetOrdinal(name, out var ordinal))
            {
                continue;
            }

            if (_fieldIndexes[ordinal] >= 0)
            {
                problems.Add($"{File.FileName}:1, column {name} appears twice (fields {_fieldIndexes[ordinal] + 1} and {index + 1}); keep one.");
                continue;
            }

            _fieldIndexes[ordinal] = index;
        }

        foreach (var missing in File.Columns.Where((_, ordinal) => _fieldIndexes[ordinal] < 0))
        {
            problems.Add(
                $"{File.FileName}:1, missing required column {missing}. Every column of the contract must be in the header " +
                "(values may be blank where the contract allows); see docs/import.md.");
        }

        return problems;
    }

    /// <summary>
    /// Why the header as a whole is not a contract header (binary data, another delimiter, no contract
    /// column at all), or null when it is one. Said once instead of one "missing column" per column; the
    /// header's own text is never shown, as a file without a header has a patient's row in its place.
    /// </summary>
    private string? DescribeForeignHeader(IReadOnlyList<string> headers)
    {
        if (headers.Any(header => header.Any(character => character == '\uFFFD' || (char.IsControl(character) && character != '\t'))))
        {
            return "this is not a CSV text file (its first line holds binary data or text that is not UTF-8); export the file as UTF-8 CSV.";
        }

        if (headers.Any(header => File.TryGetOrdinal(ContractName(header), out _)))
        {
            return null;
        }

        foreach (var (delimiter, name) in new[] { (';', "semicolons"), ('\t', "tabs"), ('|', "vertical bars") })
        {
            if (headers.Any(header => header.Split(delimiter).Any(part => File.TryGetOrdinal(part.Trim().ToLowerInvariant(), out _))))
            {
                return $"the header is separated by {name}; the contract needs commas (export or save the file as comma-separated CSV).";
            }
        }

        return $"the first line holds none of the contract's columns; it must be a header with {string.Join(", ", File.Columns)} (is this the right file, and does it start with its header?).";
    }

    /// <summary>The contract column a header names: its mapped name when the source maps it, else itself; lower case.</summary>
    private string ContractName(string header)
    {
        var trimmed = header.Trim();
        if (_headerNames is not null)
        {
            foreach (var (emrName, contractName) in _headerNames)
            {
                if (emrName.Trim().Equals(trimmed, StringComparison.OrdinalIgnoreCase))
                {
                    return contractName.Trim().ToLowerInvariant();
                }
            }
        }

        return trimmed.ToLowerInvariant();
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted value; quote the whole value and double the quote (\"\")",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote; quote the whole value and double inner quotes (\"\")",
        CsvMalformedReason.UnterminatedQuote => "a quoted value is never closed, so the rest of the file was read into this row",
        _ => $"malformed quoting ({reason})",
    };
}
