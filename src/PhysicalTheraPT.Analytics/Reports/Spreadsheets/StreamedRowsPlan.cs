using System.Globalization;
using System.Xml;
using ClosedXML.Excel;

namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>
/// Which rows of which sheet part (<see cref="EntryName"/>, its path in the package) the streamed rows
/// replace, and how each cell is written: the value as <see cref="ReportCell"/> decides it (text as an
/// inline string, everything else as a number), the style taken from the template cell of the same
/// column and <see cref="CellStyleKey"/>.
/// </summary>
internal sealed class StreamedRowsPlan(
    string entryName, string dimension, int firstReplacedRow, int lastReplacedRow, TablePlacement placement, IReadOnlyList<IReadOnlyDictionary<CellStyleKey, uint?>> styles, Func<int, int, ReportCell> cellAt)
{
    public const string SpreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public string EntryName { get; } = entryName;

    /// <summary>The sheet's used range (<c>A1:J30004</c>) once the rows are in.</summary>
    public string Dimension { get; } = dimension;

    /// <summary>The template rows: dropped from the saved sheet, the streamed rows take their place.</summary>
    public int FirstReplacedRow { get; } = firstReplacedRow;

    public int LastReplacedRow { get; } = lastReplacedRow;

    /// <summary>Writes every data row as <c>row</c> elements at the writer's position inside <c>sheetData</c>.</summary>
    public void WriteRows(XmlWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var columnLetters = Enumerable.Range(placement.FirstColumn, styles.Count).Select(column => XLHelper.GetColumnLetterFromNumber(column)).ToArray();
        for (var row = 0; row < placement.DataRowCount; row++)
        {
            var rowNumber = (placement.FirstDataRow + row).ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement("row", SpreadsheetNamespace);
            writer.WriteAttributeString("r", rowNumber);
            for (var column = 0; column < styles.Count; column++)
            {
                WriteCell(writer, columnLetters[column] + rowNumber, cellAt(row, column), styles[column]);
            }

            writer.WriteEndElement();
        }
    }

    private static void WriteCell(XmlWriter writer, string reference, ReportCell cell, IReadOnlyDictionary<CellStyleKey, uint?> styles)
    {
        // Every style a row can need was sampled into the template rows, so a miss is a bug, not data.
        var style = styles.TryGetValue(CellStyleKey.Of(cell), out var index)
            ? index
            : throw new InvalidOperationException("No template cell was written for the style of cell " + reference + ".");
        if (cell.Kind == ReportCellKind.Blank && style is null)
        {
            return;
        }

        writer.WriteStartElement("c", SpreadsheetNamespace);
        writer.WriteAttributeString("r", reference);
        if (style is { } styleIndex)
        {
            writer.WriteAttributeString("s", styleIndex.ToString(CultureInfo.InvariantCulture));
        }

        if (cell.IsText)
        {
            var text = SpreadsheetText.Escape(cell.Text ?? "");
            writer.WriteAttributeString("t", "inlineStr");
            writer.WriteStartElement("is", SpreadsheetNamespace);
            writer.WriteStartElement("t", SpreadsheetNamespace);
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            {
                writer.WriteAttributeString("xml", "space", null, "preserve");
            }

            writer.WriteString(text);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        else if (cell.Kind != ReportCellKind.Blank)
        {
            // "R" round-trips the double, as the library writes numbers and dates (OLE automation dates).
            writer.WriteElementString("v", SpreadsheetNamespace, cell.Number.ToString("R", CultureInfo.InvariantCulture));
        }

        writer.WriteEndElement();
    }
}
