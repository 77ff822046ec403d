namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>
/// Column widths computed from the text each column shows. ClosedXML's AdjustToContents measures text
/// with System.Drawing, which needs the native libgdiplus that these machines lack; counting characters
/// is close enough for the fonts spreadsheet programs use and needs nothing native.
/// </summary>
internal sealed class ColumnWidths
{
    /// <summary>Narrowest column, so a column of one-digit numbers still has room for its filter button.</summary>
    public const double Minimum = 8;

    /// <summary>Widest a column of single values gets before its text is wrapped.</summary>
    public const double Maximum = 60;

    /// <summary>Width of a column of sentences: wide enough to read, narrow enough to print.</summary>
    public const double Sentences = 70;

    private readonly Dictionary<int, double> widest = [];
    private readonly HashSet<int> wrapped = [];
    private readonly Dictionary<int, double> fixedWidths = [];

    /// <summary>Remembers a cell's text; a header gets room for its filter button too.</summary>
    public void Measure(int column, string text, bool isHeader = false)
    {
        var longestLine = text.Split('\n').Max(line => line.Length);
        var width = longestLine + (isHeader ? 4 : 2);
        widest[column] = Math.Max(widest.GetValueOrDefault(column), width);
    }

    public void MarkWrapped(int column) => wrapped.Add(column);

    /// <summary>Gives a column a set width whatever it holds.</summary>
    public void Fix(int column, double width)
    {
        fixedWidths[column] = width;
        widest.TryAdd(column, width);
    }

    public bool IsWrapped(int column) => wrapped.Contains(column);

    /// <summary>The width a column should get: its text, within the limits above.</summary>
    public double WidthOf(int column)
    {
        if (fixedWidths.TryGetValue(column, out var width))
        {
            return width;
        }

        var wanted = widest.GetValueOrDefault(column, Minimum);
        return wrapped.Contains(column) ? Math.Clamp(wanted, Minimum, Sentences) : Math.Clamp(wanted, Minimum, Maximum);
    }

    public IEnumerable<int> Columns => widest.Keys.Order();
}
