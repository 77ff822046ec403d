using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Import;

namespace PhysicalTheraPT.Analytics.Sources;

/// <summary>
/// A source's table as the import's checks read it (<see cref="IContractRecords"/>): its columns matched
/// to the contract's by name, each value written in the contract's text form (dates <c>YYYY-MM-DD</c>,
/// times <c>YYYY-MM-DDTHH:MM:SS</c>, a UTC instant with <c>Z</c>, booleans <c>true</c>/<c>false</c>). A
/// failure of the source while reading becomes a scrubbed <see cref="SourceErrors"/> exception.
/// The rows are read and turned into text on a thread of their own, a few batches ahead
/// (<see cref="ReadAhead"/>), so the driver's work and the checks run on two cores: a re-sync with nothing
/// changed then costs about the reading of the source. Owns the table: <see cref="DisposeAsync"/> stops
/// the reading thread, then disposes it.
/// </summary>
internal sealed class SourceRecords : IContractRecords, IAsyncDisposable
{
    // Date columns: a driver hands a DATE back as a DateTime at midnight.
    private static readonly HashSet<string> DateColumns = new(StringComparer.Ordinal) { "birth_date", "started_on", "discharged_on", "deceased_on" };

    private readonly SourceTable _table;
    private readonly Func<Exception, Exception> _translate;
    private readonly int[] _sourceIndexes;
    private readonly bool[] _isDate;
    private IAsyncEnumerator<string[]>? _rows;
    private string[] _values = [];

    public SourceRecords(string name, ContractFile file, SourceTable table, Func<Exception, Exception> translate)
    {
        Name = name;
        File = file;
        _table = table;
        _translate = translate;
        _sourceIndexes = new int[file.Columns.Count];
        _isDate = file.Columns.Select(DateColumns.Contains).ToArray();
        HeaderProblems = MapColumns();
    }

    public ContractFile File { get; }

    public string Name { get; }

    public IReadOnlyList<string> HeaderProblems { get; }

    public int Line { get; private set; }

    public string RawRecord
    {
        get
        {
            // For the owner-only rejects file: the row as the contract's columns, CSV-quoted.
            var text = new StringBuilder();
            for (var ordinal = 0; ordinal < _values.Length; ordinal++)
            {
                if (ordinal > 0)
                {
                    text.Append(',');
                }

                var value = Value(ordinal);
                text.Append(value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value);
            }

            return text.ToString();
        }
    }

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        bool read;
        try
        {
            _rows ??= ContractRowsAsync(cancellationToken).ReadAheadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            read = await _rows.MoveNextAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw _translate(exception);
        }

        if (!read)
        {
            return false;
        }

        Line++;
        _values = _rows.Current;
        return true;
    }

    public IEnumerable<string> RecordProblems() => [];

    public string Value(int ordinal) => _values[ordinal];

    public bool HasColumn(int ordinal) => _sourceIndexes[ordinal] >= 0;

    public void Dispose()
    {
        // The reading thread and the table are stopped asynchronously (DisposeAsync), by the owner.
    }

    public async ValueTask DisposeAsync()
    {
        if (_rows is not null)
        {
            await _rows.DisposeAsync();
        }

        await _table.DisposeAsync();
    }

    /// <summary>A value in the contract's text form.</summary>
    internal static string Text(object? value, bool isDate) => value switch
    {
        null or DBNull => "",
        string text => text,
        DateTime { TimeOfDay.Ticks: 0 } date when isDate => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime { Kind: DateTimeKind.Utc } instant => instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime local => local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // On the reading thread: every contract column of each row in its text form ("" where the source has none).
    private async IAsyncEnumerable<string[]> ContractRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await _table.ReadAsync(cancellationToken))
        {
            var row = new string[_sourceIndexes.Length];
            for (var ordinal = 0; ordinal < row.Length; ordinal++)
            {
                var index = _sourceIndexes[ordinal];
                row[ordinal] = index < 0 ? "" : Text(_table.GetValue(index), _isDate[ordinal]);
            }

            yield return row;
        }
    }

    private List<string> MapColumns()
    {
        Array.Fill(_sourceIndexes, -1);
        var problems = new List<string>();
        var names = _table.ColumnNames;
        for (var index = 0; index < names.Count; index++)
        {
            if (!File.TryGetOrdinal(names[index].Trim().ToLowerInvariant(), out var ordinal))
            {
                continue;
            }

            if (_sourceIndexes[ordinal] >= 0)
            {
                problems.Add($"{Name}: column {File.Columns[ordinal]} is returned twice (columns {_sourceIndexes[ordinal] + 1} and {index + 1}); return it once.");
                continue;
            }

            _sourceIndexes[ordinal] = index;
        }

        foreach (var missing in File.RequiredColumns.Where(column => _sourceIndexes[File.OrdinalOf(column)] < 0))
        {
            problems.Add(
                $"{Name}: missing column {missing}. The source must return every column of {File.FileName} under the contract's name " +
                $"(NULL where the contract allows a blank; e.g. SELECT ... AS {missing}); see docs/sources.md.");
        }

        return problems;
    }
}

/// <summary>
/// The source's own appointment status values → the contract's (<see cref="SourceOptions.Statuses"/>),
/// matched exactly first, then ignoring case; a value with no mapping is passed on as it is, so the
/// contract's check refuses it with its usual message.
/// </summary>
internal sealed class StatusMap
{
    public static readonly IReadOnlyList<string> ContractStatuses = ["booked", "completed", "cancelled", "no_show"];

    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _ignoringCase = new(StringComparer.OrdinalIgnoreCase);

    public StatusMap(IReadOnlyDictionary<string, string> statuses, string setting)
    {
        foreach (var (own, contract) in statuses)
        {
            var status = ContractStatuses.FirstOrDefault(candidate => candidate.Equals(contract?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new UserInputException(
                    $"{setting} maps '{own}' to '{contract}', which is not one of {string.Join(", ", ContractStatuses)}. Fix the mapping in the configuration.");
            _exact[own.Trim()] = status;
            _ignoringCase.TryAdd(own.Trim(), status);
        }
    }

    public string Map(string value)
    {
        var trimmed = value.Trim();
        return _exact.GetValueOrDefault(trimmed) ?? _ignoringCase.GetValueOrDefault(trimmed) ?? value;
    }

    /// <summary><paramref name="records"/> with the status column mapped (appointments only; other tables as they are).</summary>
    public IContractRecords Apply(IContractRecords records) =>
        records.File == ContractFile.Appointments && _exact.Count > 0 ? new MappedRecords(records, this, records.File.OrdinalOf("status")) : records;

    private sealed class MappedRecords(IContractRecords records, StatusMap map, int statusOrdinal) : IContractRecords
    {
        public ContractFile File => records.File;

        public string Name => records.Name;

        public IReadOnlyList<string> HeaderProblems => records.HeaderProblems;

        public int Line => records.Line;

        public string RawRecord => records.RawRecord;

        public ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => records.ReadAsync(cancellationToken);

        public IEnumerable<string> RecordProblems() => records.RecordProblems();

        public string Value(int ordinal) => ordinal == statusOrdinal ? map.Map(records.Value(ordinal)) : records.Value(ordinal);

        public bool HasColumn(int ordinal) => records.HasColumn(ordinal);

        public void Dispose() => records.Dispose();
    }
}
