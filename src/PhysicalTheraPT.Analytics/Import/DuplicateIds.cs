namespace PhysicalTheraPT.Analytics.Import;

/// <summary>The lines of a file whose id appears on another line too, each with those other lines.</summary>
internal sealed class DuplicateIds
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
