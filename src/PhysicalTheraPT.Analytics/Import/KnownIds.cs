namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// The ids of one kind of row that later files may refer to: those already in the database and those
/// accepted from this import's file, each with what the checks need (a clinic's time zone, an episode's
/// patient); and the ids this import rejected, so a row that refers to one is rejected too. Bounded by
/// the number of clinics, providers, patients and episodes, never by appointments.
/// </summary>
internal sealed class KnownIds<TValue>
{
    private readonly ContractFile _file;
    private readonly Dictionary<string, TValue> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rejectedOnLine = new(StringComparer.Ordinal);

    public KnownIds(ContractFile file)
    {
        _file = file;
    }

    public int Count => _known.Count;

    public void Add(string id, TValue value) => _known[id] = value;

    public void Reject(string id, int line) => _rejectedOnLine.TryAdd(id, line);

    /// <summary>
    /// Looks up the id in <paramref name="column"/> of the current record; records a problem when it is
    /// neither in the database nor in this import, or when this import rejected it. A blank id is left to
    /// the caller (it is either allowed or already reported).
    /// </summary>
    public bool TryFind(RecordFields fields, string column, string? id, out TValue value)
    {
        value = default!;
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        if (_rejectedOnLine.TryGetValue(id, out var line))
        {
            fields.Add(column, $"was rejected in {_file.FileName}:{line}, so this row is rejected too");
            return false;
        }

        if (_known.TryGetValue(id, out value!))
        {
            return true;
        }

        fields.Add(column, $"is not in the database or in {_file.FileName}");
        return false;
    }
}
