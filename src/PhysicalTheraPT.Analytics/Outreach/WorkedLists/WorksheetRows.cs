using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// Streams a worksheet part row by row with the OpenXML SDK's reader, keeping only the cells of the
/// columns asked for: memory stays that of one row, whatever the sheet holds. Rows must come in order
/// and stay within <see cref="WorkedListLimits.Rows"/> of the top, as every spreadsheet program writes them.
/// </summary>
internal static class WorksheetRows
{
    /// <param name="slotOfColumn">For each wanted column (1-based), its place in a row's cells.</param>
    /// <param name="lastRow">The highest row number a list can reach; a cell below it refuses the file.</param>
    public static IEnumerable<(int Number, SheetCell[] Cells)> Read(WorksheetPart part, IReadOnlyDictionary<int, int> slotOfColumn, int lastRow)
    {
        using var reader = OpenXmlReader.Create(part);
        var rowNumber = 0;
        var column = 0;
        SheetCell[]? cells = null;
        var slot = -1;
        string? type = null;
        string? value = null;
        string? inline = null;
        var formula = false;
        var inInline = false;
        var inPhonetic = false;
        while (reader.Read())
        {
            if (reader.IsStartElement)
            {
                switch (reader.LocalName)
                {
                    case "row":
                        var number = Attribute(reader, "r") is { } r && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : rowNumber + 1;
                        if (number <= rowNumber)
                        {
                            throw new WorkedListRefusedException(Invariant($"the sheet's row {number} comes after row {rowNumber}: the file was not written by a spreadsheet program. Use the list as it was written, filled in and saved by Excel or LibreOffice."));
                        }

                        if (number > lastRow)
                        {
                            throw new WorkedListRefusedException(Invariant($"the sheet has something in row {number}, far below the list (a list has at most {WorkedListLimits.Rows} rows). Delete what was typed below the list, or use a fresh copy of the list."));
                        }

                        rowNumber = number;
                        column = 0;
                        cells = new SheetCell[slotOfColumn.Count];
                        break;
                    case "c":
                        column = Attribute(reader, "r") is { } reference ? ColumnOf(reference) : Math.Min(column + 1, Beyond);
                        slot = cells is not null && slotOfColumn.TryGetValue(column, out var wanted) ? wanted : -1;
                        type = Attribute(reader, "t");
                        (value, inline, formula) = (null, null, false);
                        break;
                    case "f" when slot >= 0:
                        formula = true;
                        break;
                    case "v" when slot >= 0:
                        value = Limited(reader.GetText());
                        break;
                    case "is":
                        inInline = true;
                        break;
                    case "rPh":
                        inPhonetic = true;
                        break;
                    case "t" when slot >= 0 && inInline && !inPhonetic:
                        inline = Limited((inline ?? "") + reader.GetText());
                        break;
                }
            }
            else if (reader.IsEndElement)
            {
                switch (reader.LocalName)
                {
                    case "c" when slot >= 0:
                        cells![slot] = Cell(type, value, inline, formula);
                        slot = -1;
                        break;
                    case "row" when cells is not null:
                        yield return (rowNumber, cells);
                        cells = null;
                        break;
                    case "is":
                        inInline = false;
                        break;
                    case "rPh":
                        inPhonetic = false;
                        break;
                }
            }
        }
    }

    private static SheetCell Cell(string? type, string? value, string? inline, bool formula) => type switch
    {
        "s" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) => new(SheetCellKind.SharedString, null, index, formula),
        "inlineStr" => new(inline is null ? SheetCellKind.Empty : SheetCellKind.Text, inline, -1, formula),
        null or "n" when value is not null => new(SheetCellKind.Number, value, -1, formula),
        _ => new(value is null ? SheetCellKind.Empty : SheetCellKind.Text, value, -1, formula),
    };

    /// <summary>A column past <see cref="WorkedListLimits.Columns"/>: never wanted.</summary>
    private const int Beyond = WorkedListLimits.Columns + 1;

    /// <summary>"AB12" → 28; a reference without letters counts as past every wanted column.</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var character in reference)
        {
            if (!char.IsAsciiLetter(character))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(character) - 'A' + 1);
            if (column > WorkedListLimits.Columns)
            {
                return Beyond;
            }
        }

        return column == 0 ? Beyond : column;
    }

    private static string Limited(string text) => text.Length <= WorkedListLimits.CellCharacters
        ? text
        : throw new WorkedListRefusedException(Invariant($"a cell holds {text.Length} characters, more than a spreadsheet cell can ({WorkedListLimits.CellCharacters}). Use the list as it was written, filled in and saved by Excel or LibreOffice."));

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == name && string.IsNullOrEmpty(attribute.NamespaceUri))
            {
                return attribute.Value;
            }
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// One cell as the worksheet part holds it, before shared strings are looked up: a shared string's
/// index, an inline text, or a number as written; and whether a formula computes it.
/// </summary>
internal readonly record struct SheetCell(SheetCellKind Kind, string? Text, int SharedIndex, bool HasFormula)
{
    public static readonly SheetCell Empty = new(SheetCellKind.Empty, null, -1, false);
}

internal enum SheetCellKind
{
    Empty,
    SharedString,
    Text,
    Number,
}
