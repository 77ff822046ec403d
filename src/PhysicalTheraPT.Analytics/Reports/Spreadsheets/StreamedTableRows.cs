using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>
/// The data rows of a table that <see cref="SheetCanvas.StreamedTable"/> wrote as header and template
/// rows only. After the workbook is saved, <see cref="Prepare"/> learns each template cell's style and
/// stretches the table over every row; <see cref="StreamedWorkbookPackage"/> then writes the rows into
/// the sheet's XML one at a time, so their number costs time but no memory.
/// </summary>
internal sealed class StreamedTableRows
{
    private readonly int templateRows;
    private readonly IReadOnlyList<IReadOnlyList<CellStyleKey>> templates;
    private readonly Func<int, int, ReportCell> cellAt;

    public StreamedTableRows(
        string sheetName, TablePlacement placement, int templateRows, IReadOnlyList<IReadOnlyList<CellStyleKey>> templates, Func<int, int, ReportCell> cellAt)
    {
        SheetName = sheetName;
        Placement = placement;
        this.templateRows = templateRows;
        this.templates = templates;
        this.cellAt = cellAt;
    }

    public string SheetName { get; }

    /// <summary>Where the table ends up once every row is written.</summary>
    public TablePlacement Placement { get; }

    /// <summary>
    /// The last row the library writes itself: the last template row, or the empty table's blank row. A
    /// style meant for every data row goes on the rows up to here; the streamed rows take it from them.
    /// </summary>
    public int LastWrittenRow => IsEmpty ? Placement.LastDataRow : Placement.HeaderRow + templateRows;

    /// <summary>Nothing to stream: the library wrote the whole (empty) table itself.</summary>
    public bool IsEmpty => Placement.DataRowCount == 0;

    public static StreamedTableRows None(string sheetName, TablePlacement placement) => new(sheetName, placement, 0, [], (_, _) => ReportCell.Blank);

    /// <summary>
    /// Reads the style of every template cell and makes the table (with its filter) and the sheet's
    /// dimension cover all rows. Returns what the package writer needs to replace the template rows.
    /// </summary>
    public StreamedRowsPlan Prepare(SpreadsheetDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var part = WorksheetParts.Named(document, SheetName);
        var (dimension, rows) = ReadWithoutLoading(part, Placement.FirstDataRow);
        var firstTemplateRow = Placement.FirstDataRow;
        var lastTemplateRow = Placement.HeaderRow + templateRows;
        if (rows.Exists(row => row.RowIndex!.Value > lastTemplateRow))
        {
            throw new InvalidOperationException($"Table {Placement.Name} on {SheetName} must be the last thing on its sheet to have its rows streamed.");
        }

        var styles = new List<Dictionary<CellStyleKey, uint?>>();
        for (var column = 0; column < templates.Count; column++)
        {
            var reference = XLHelper.GetColumnLetterFromNumber(Placement.FirstColumn + column);
            var byStyle = new Dictionary<CellStyleKey, uint?>();
            for (var template = 0; template < templates[column].Count; template++)
            {
                var rowNumber = (uint)(firstTemplateRow + template);
                var cell = rows.SingleOrDefault(row => row.RowIndex!.Value == rowNumber)?.Elements<Cell>()
                    .SingleOrDefault(cell => cell.CellReference?.Value == reference + rowNumber.ToString(CultureInfo.InvariantCulture));
                byStyle[templates[column][template]] = cell?.StyleIndex?.Value;
            }

            styles.Add(byStyle);
        }

        var range = Range(Placement.HeaderRow, Placement.LastDataRow);
        var table = part.TableDefinitionParts.Select(tablePart => tablePart.Table).Single(table => table.Name == Placement.Name);
        table.Reference = range;
        if (table.AutoFilter is { } filter)
        {
            filter.Reference = range;
        }

        table.Save();

        // The sheet's dimension is set while it is copied (StreamedWorkbookPackage).
        dimension ??= Cell(Placement.FirstColumn, Placement.HeaderRow);
        var stretched = dimension.Split(':')[0] + ":" + Cell(Math.Max(Placement.LastColumn, LastColumnOf(dimension)), Placement.LastDataRow);
        return new StreamedRowsPlan(part.Uri.OriginalString.TrimStart('/'), stretched, firstTemplateRow, lastTemplateRow, Placement, styles, cellAt);
    }

    /// <summary>
    /// The sheet's dimension and its rows from <paramref name="firstRow"/> on, read with the SDK's reader:
    /// loading the sheet as a tree would have the SDK save it again, every element rewritten.
    /// </summary>
    private static (string? Dimension, List<Row> Rows) ReadWithoutLoading(WorksheetPart part, int firstRow)
    {
        string? dimension = null;
        var rows = new List<Row>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SheetDimension))
            {
                dimension = ((SheetDimension)reader.LoadCurrentElement()!).Reference?.Value;
            }
            else if (reader.IsStartElement && reader.ElementType == typeof(Row)
                && reader.Attributes.Any(attribute => attribute.LocalName == "r" && int.Parse(attribute.Value!, CultureInfo.InvariantCulture) >= firstRow))
            {
                rows.Add((Row)reader.LoadCurrentElement()!);
            }
        }

        return (dimension, rows);
    }

    private string Range(int firstRow, int lastRow) => Cell(Placement.FirstColumn, firstRow) + ":" + Cell(Placement.LastColumn, lastRow);

    private static string Cell(int column, int row) => XLHelper.GetColumnLetterFromNumber(column) + row.ToString(CultureInfo.InvariantCulture);

    private static int LastColumnOf(string dimension) =>
        XLHelper.GetColumnNumberFromLetter(new string([.. dimension.Split(':')[^1].TakeWhile(char.IsAsciiLetter)]));
}
