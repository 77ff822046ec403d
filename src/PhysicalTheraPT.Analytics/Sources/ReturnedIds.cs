using System.Runtime.InteropServices;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Import;

namespace PhysicalTheraPT.Analytics.Sources;

/// <summary>
/// The ids one table of a source returned, for the mirror (a row of the store whose id was not returned is
/// removed) and for the duplicate check (a query cannot be read twice, so a repeated id is found as it
/// comes). Keeps a 64-bit hash and the first row per id, not the id: a million appointments cost about
/// 20 MB. Two different ids with one hash (odds about 1 in 10^7 at a million rows) would keep a row the
/// source dropped, never remove one it returned. Also counts the rows returned per clinic.
/// <see cref="Track"/> tells it every record a table's reader reads.
/// </summary>
internal sealed class ReturnedIds : IDuplicateIds
{
    private readonly Dictionary<ulong, int> _firstLine = [];
    private readonly Dictionary<string, int> _perClinic = new(StringComparer.Ordinal);
    private int _currentLine;
    private int? _repeatOf;

    public int Count => _firstLine.Count;

    /// <summary>Rows returned per clinic id.</summary>
    public IReadOnlyDictionary<string, int> PerClinic => _perClinic;

    public void Saw(string id, string clinicId, int line)
    {
        _currentLine = line;
        _repeatOf = null;
        if (clinicId.Length > 0)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_perClinic, clinicId, out _)++;
        }

        if (id.Length == 0)
        {
            return;
        }

        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_firstLine, Hash(id), out var exists);
        if (exists)
        {
            _repeatOf = first;
        }
        else
        {
            first = line;
        }
    }

    public bool Contains(string id) => _firstLine.ContainsKey(Hash(id));

    /// <summary>Whether an id of this hash (<see cref="StoredRowHashes.IdHash"/>) was returned.</summary>
    public bool ContainsHash(ulong idHash) => _firstLine.ContainsKey(idHash);

    public IReadOnlyList<int>? OtherLinesThan(int line) => line == _currentLine && _repeatOf is { } first ? [first] : null;

    /// <summary><paramref name="records"/>, telling this set the id and clinic of every record read.</summary>
    public IContractRecords Track(IContractRecords records) => new TrackedRecords(records, this);

    private static ulong Hash(string id) => StoredRowHashes.IdHash(id);

    private sealed class TrackedRecords(IContractRecords records, ReturnedIds returned) : IContractRecords
    {
        private readonly int _clinicOrdinal = records.File.TryGetOrdinal("clinic_id", out var ordinal) ? ordinal : 0;

        public ContractFile File => records.File;

        public string Name => records.Name;

        public IReadOnlyList<string> HeaderProblems => records.HeaderProblems;

        public int Line => records.Line;

        public string RawRecord => records.RawRecord;

        public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
        {
            if (!await records.ReadAsync(cancellationToken))
            {
                return false;
            }

            // Trimmed as RecordFields trims, so the mirror and the import agree on what an id is.
            returned.Saw(records.Value(0).Trim(), records.Value(_clinicOrdinal).Trim(), records.Line);
            return true;
        }

        public IEnumerable<string> RecordProblems() => records.RecordProblems();

        public string Value(int ordinal) => records.Value(ordinal);

        public bool HasColumn(int ordinal) => records.HasColumn(ordinal);

        public void Dispose() => records.Dispose();
    }
}
