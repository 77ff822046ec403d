using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using ClosedXML.Excel;

namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>
/// Copies a saved workbook package to its destination part by part, writing streamed table rows into
/// their sheets on the way. Nothing large is held: the source package is small (template rows only) and
/// each sheet's XML goes from reader to writer to the compressed output one node at a time.
/// </summary>
internal static class StreamedWorkbookPackage
{
    public static void Write(Stream savedPackage, IReadOnlyList<StreamedRowsPlan> plans, Stream output)
    {
        ArgumentNullException.ThrowIfNull(savedPackage);
        ArgumentNullException.ThrowIfNull(plans);
        savedPackage.Position = 0;
        if (plans.Count == 0)
        {
            savedPackage.CopyTo(output);
            return;
        }

        var byEntry = plans.ToDictionary(plan => plan.EntryName, StringComparer.Ordinal);
        using var source = new ZipArchive(savedPackage, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = entry.LastWriteTime;
            using var from = entry.Open();
            using var to = copy.Open();
            if (byEntry.Remove(entry.FullName, out var plan))
            {
                CopySheet(from, to, plan);
            }
            else
            {
                from.CopyTo(to);
            }
        }

        if (byEntry.Count > 0)
        {
            throw new InvalidOperationException("The package has no part " + byEntry.Keys.First() + " to stream rows into.");
        }
    }

    /// <summary>Copies a worksheet's XML node by node, its template rows replaced by the streamed rows.</summary>
    private static void CopySheet(Stream from, Stream to, StreamedRowsPlan plan)
    {
        using var reader = XmlReader.Create(from, new XmlReaderSettings { CloseInput = false });
        using var writer = XmlWriter.Create(to, new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), CloseOutput = false });
        writer.WriteStartDocument(standalone: true);
        reader.MoveToContent();
        writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
        writer.WriteAttributes(reader, defattr: true);
        reader.MoveToElement();
        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheetData" && reader.NamespaceURI == StreamedRowsPlan.SpreadsheetNamespace)
            {
                CopySheetData(reader, writer, plan);
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "dimension" && reader.NamespaceURI == StreamedRowsPlan.SpreadsheetNamespace)
            {
                writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                writer.WriteAttributeString("ref", plan.Dimension);
                writer.WriteEndElement();
                reader.Skip();
            }
            else
            {
                writer.WriteNode(reader, defattr: true);
            }
        }

        writer.WriteFullEndElement();
        writer.WriteEndDocument();
    }

    private static void CopySheetData(XmlReader reader, XmlWriter writer, StreamedRowsPlan plan)
    {
        var empty = reader.IsEmptyElement;
        writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
        writer.WriteAttributes(reader, defattr: true);
        reader.MoveToElement();
        reader.Read();
        if (!empty)
        {
            while (reader.NodeType != XmlNodeType.EndElement)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row" && RowNumber(reader) >= plan.FirstReplacedRow)
                {
                    if (RowNumber(reader) > plan.LastReplacedRow)
                    {
                        throw new InvalidOperationException("Rows below a streamed table cannot be kept: " + plan.EntryName + " has row " + reader.GetAttribute("r") + ".");
                    }

                    reader.Skip();
                }
                else
                {
                    writer.WriteNode(reader, defattr: true);
                }
            }

            reader.Read();
        }

        plan.WriteRows(writer);
        writer.WriteFullEndElement();
    }

    private static int RowNumber(XmlReader reader) =>
        int.Parse(reader.GetAttribute("r") ?? throw new InvalidOperationException("A row without its number (r) cannot be placed."), CultureInfo.InvariantCulture);
}

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
