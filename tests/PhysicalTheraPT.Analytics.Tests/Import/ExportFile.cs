using System.Text;

namespace PhysicalTheraPT.Analytics.Tests.Import;

/// <summary>
/// One CSV file of a test export: a header and rows, each row the file's default values with a few
/// overridden. Written with RFC 4180 quoting; the header's order, names and extra columns can be changed.
/// </summary>
public sealed class ExportFile
{
    private readonly Dictionary<string, string> _defaults;
    private readonly List<Dictionary<string, string>> _rows = [];

    public ExportFile(string fileName, params (string Column, string Value)[] defaults)
    {
        FileName = fileName;
        Header = defaults.Select(pair => pair.Column).ToList();
        _defaults = defaults.ToDictionary(pair => pair.Column, pair => pair.Value);
    }

    public string FileName { get; }

    /// <summary>The columns written, in order; edit it to reorder, drop or add columns.</summary>
    public List<string> Header { get; }

    public int RowCount => _rows.Count;

    /// <summary>Adds a row: the defaults, with <paramref name="values"/> overriding some columns.</summary>
    public ExportFile Add(params (string Column, string Value)[] values)
    {
        var row = new Dictionary<string, string>(_defaults);
        foreach (var (column, value) in values)
        {
            row[column] = value;
        }

        _rows.Add(row);
        return this;
    }

    /// <summary>Changes a column of the row at <paramref name="index"/> (0 = first data row).</summary>
    public ExportFile Set(int index, string column, string value)
    {
        _rows[index][column] = value;
        return this;
    }

    public string ToCsv(string newLine = "\n")
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", Header.Select(Quote))).Append(newLine);
        foreach (var row in _rows)
        {
            text.Append(string.Join(",", Header.Select(column => Quote(HeaderKey(row, column))))).Append(newLine);
        }

        return text.ToString();
    }

    // A header may be written in another case or with spaces; the row still holds the contract name.
    private static string HeaderKey(Dictionary<string, string> row, string column) =>
        row.TryGetValue(column.Trim().ToLowerInvariant(), out var value) ? value : row.GetValueOrDefault(column, "");

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
