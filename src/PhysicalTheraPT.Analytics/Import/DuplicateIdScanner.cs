using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// Finds ids that appear more than once in a file before any of its rows is used, so every occurrence
/// can be refused (which of two rows with one id is right cannot be known). Streams: the first pass keeps
/// only a 64-bit hash per id (a million appointments cost 8 MB, no strings); only when two hashes meet
/// does a second pass compare the real ids of those few hashes, so a hash collision between two
/// different ids is never taken for a duplicate.
/// </summary>
internal static class DuplicateIdScanner
{
    public static DuplicateIds Scan(string path, ContractFile file, CancellationToken cancellationToken) =>
        Scan(path, file, XxHash3Of, cancellationToken);

    /// <summary>As <see cref="Scan(string, ContractFile, CancellationToken)"/>, with the EMR's header names mapped (a folder source's Columns).</summary>
    public static DuplicateIds Scan(string path, ContractFile file, IReadOnlyDictionary<string, string>? headerNames, CancellationToken cancellationToken) =>
        Scan(path, file, XxHash3Of, cancellationToken, headerNames);

    /// <summary>As <see cref="Scan(string, ContractFile, CancellationToken)"/>, with the hash given (tests force collisions).</summary>
    internal static DuplicateIds Scan(string path, ContractFile file, Func<string, ulong> hash, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? headerNames = null)
    {
        var repeatedHashes = FindRepeatedHashes(path, file, hash, headerNames, cancellationToken);
        if (repeatedHashes.Count == 0)
        {
            return DuplicateIds.None;
        }

        var linesById = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        using var reader = ContractCsvReader.Open(path, file, headerNames);
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = IdOf(reader);
            if (id.Length > 0 && repeatedHashes.Contains(hash(id)))
            {
                if (!linesById.TryGetValue(id, out var lines))
                {
                    lines = [];
                    linesById[id] = lines;
                }

                lines.Add(reader.Line);
            }
        }

        return new DuplicateIds(linesById.Values.Where(lines => lines.Count > 1));
    }

    private static HashSet<ulong> FindRepeatedHashes(string path, ContractFile file, Func<string, ulong> hash, IReadOnlyDictionary<string, string>? headerNames, CancellationToken cancellationToken)
    {
        // A flat array of hashes, sorted, costs 8 bytes an id (a hash set would cost three times that);
        // equal neighbours after sorting are the repeated hashes.
        var hashes = new List<ulong>();
        using (var reader = ContractCsvReader.Open(path, file, headerNames))
        {
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var id = IdOf(reader);
                if (id.Length > 0)
                {
                    hashes.Add(hash(id));
                }
            }
        }

        var sorted = CollectionsMarshal.AsSpan(hashes);
        sorted.Sort();
        var repeated = new HashSet<ulong>();
        for (var position = 1; position < sorted.Length; position++)
        {
            if (sorted[position] == sorted[position - 1])
            {
                repeated.Add(sorted[position]);
            }
        }

        return repeated;
    }

    // Trimmed exactly as RecordFields trims it, so both passes and the import agree on what an id is.
    private static string IdOf(ContractCsvReader reader) => reader.Value(0).Trim();

    private static ulong XxHash3Of(string id) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()));
}

/// <summary>The lines of a file whose id appears on another line too, each with those other lines.</summary>
internal sealed class DuplicateIds : IDuplicateIds
{
    public static readonly DuplicateIds None = new([]);

    private readonly Dictionary<int, int[]> _otherLines = [];

    public DuplicateIds(IEnumerable<IReadOnlyList<int>> linesOfEachRepeatedId)
    {
        foreach (var lines in linesOfEachRepeatedId)
        {
            foreach (var line in lines)
            {
                _otherLines[line] = lines.Where(other => other != line).ToArray();
            }
        }
    }

    public int Count => _otherLines.Count;

    /// <summary>The other lines with the same id as <paramref name="line"/>, or null when its id is unique.</summary>
    public IReadOnlyList<int>? OtherLinesThan(int line) => _otherLines.GetValueOrDefault(line);
}
