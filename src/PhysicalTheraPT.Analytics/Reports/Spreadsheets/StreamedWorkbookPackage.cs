using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

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
