using ClosedXML.Excel;

namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>
/// Writes one report sheet: titles, notes, typed cells and real Excel tables, remembering how wide each
/// column must be. Every sheet of every workbook goes through here, so they all look alike.
/// </summary>
internal sealed class SheetCanvas(IXLWorksheet sheet)
{
    private readonly ColumnWidths widths = new();

    public IXLWorksheet Sheet { get; } = sheet;

    /// <summary>The big title in A1. Titles and notes overflow into empty cells, so they do not widen column A.</summary>
    public void Title(string text)
    {
        var cell = Sheet.Cell(1, 1);
        cell.SetValue(text);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 16;
        cell.Style.Font.FontColor = XLColor.FromHtml(ReportPalette.Title);
        Sheet.Row(1).Height = 24;
    }

    /// <summary>A line of explanation in the subdued colour.</summary>
    public void Note(int row, string text, int column = 1)
    {
        var cell = Sheet.Cell(row, column);
        cell.SetValue(text);
        cell.Style.Font.FontColor = XLColor.FromHtml(ReportPalette.Subtle);
    }

    /// <summary>A section heading above a table.</summary>
    public void Heading(int row, string text, int column = 1)
    {
        var cell = Sheet.Cell(row, column);
        cell.SetValue(text);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 12;
        cell.Style.Font.FontColor = XLColor.FromHtml(ReportPalette.Title);
    }

    /// <summary>Writes a typed cell: numbers and dates as numbers with their format, text as text.</summary>
    public void Put(int row, int column, ReportCell value, bool measure = true)
    {
        var cell = Sheet.Cell(row, column);
        if (value.IsText)
        {
            // SetValue keeps text as text; assigning Value would turn "00123" into 123.
            cell.SetValue(value.Text ?? "");
        }
        else if (value.Kind is ReportCellKind.Date or ReportCellKind.Month)
        {
            cell.SetValue(DateTime.FromOADate(value.Number));
        }
        else if (value.Kind != ReportCellKind.Blank)
        {
            cell.SetValue(value.Number);
        }

        var style = CellStyleKey.Of(value);
        if (style.NumberFormat is { } format)
        {
            cell.Style.NumberFormat.Format = format;
        }

        if (style.NotFinal)
        {
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml(ReportPalette.NotFinalFill);
            cell.Style.Font.FontColor = XLColor.FromHtml(ReportPalette.NotFinalText);
            cell.Style.Font.Italic = true;
        }

        if (measure)
        {
            widths.Measure(column, value.DisplayText);
        }
    }

    /// <summary>
    /// Writes an Excel table (header, filter buttons, banded rows) at the given row. A table needs at
    /// least one data row, so an empty list gets one blank row; say so in a note above the table.
    /// </summary>
    public TablePlacement Table<TRow>(int headerRow, int firstColumn, string name, IReadOnlyList<ReportColumn<TRow>> columns, IReadOnlyList<TRow> rows)
    {
        Header(headerRow, firstColumn, columns);
        for (var rowIndex = 0; rowIndex < rows.Count; rowIndex++)
        {
            for (var index = 0; index < columns.Count; index++)
            {
                Put(headerRow + 1 + rowIndex, firstColumn + index, columns[index].Cell(rows[rowIndex]));
            }
        }

        var lastRow = headerRow + Math.Max(rows.Count, 1);
        CreateTable(name, headerRow, firstColumn, lastRow, firstColumn + columns.Count - 1);
        return new TablePlacement(name, headerRow, headerRow + 1, lastRow, firstColumn, firstColumn + columns.Count - 1, rows.Count);
    }

    /// <summary>
    /// Writes a table whose data rows are streamed into the saved file (<see cref="StreamedTableRows"/>)
    /// instead of held as cells here: a list of tens of thousands of rows costs the library seconds and
    /// hundreds of megabytes. Here go the header, a few template rows (one per distinct cell style of each
    /// column, so the table, its styles and formats exist) and every row's width; the table must be the
    /// last thing on the sheet. An empty list is written as <see cref="Table"/> writes it.
    /// </summary>
    public StreamedTableRows StreamedTable<TRow>(int headerRow, int firstColumn, string name, IReadOnlyList<ReportColumn<TRow>> columns, IReadOnlyList<TRow> rows)
    {
        if (rows.Count == 0)
        {
            return StreamedTableRows.None(Sheet.Name, Table(headerRow, firstColumn, name, columns, rows));
        }

        Header(headerRow, firstColumn, columns);
        var samples = columns.Select(_ => new List<ReportCell>()).ToArray();
        foreach (var row in rows)
        {
            for (var index = 0; index < columns.Count; index++)
            {
                var cell = columns[index].Cell(row);
                widths.Measure(firstColumn + index, cell.DisplayText);
                var style = CellStyleKey.Of(cell);
                if (!samples[index].Exists(sample => CellStyleKey.Of(sample) == style))
                {
                    samples[index].Add(cell);
                }
            }
        }

        var templateRows = samples.Max(column => column.Count);
        for (var template = 0; template < templateRows; template++)
        {
            for (var index = 0; index < columns.Count; index++)
            {
                var column = samples[index];
                Put(headerRow + 1 + template, firstColumn + index, column[Math.Min(template, column.Count - 1)], measure: false);
            }
        }

        var lastColumn = firstColumn + columns.Count - 1;
        CreateTable(name, headerRow, firstColumn, headerRow + templateRows, lastColumn);
        var placement = new TablePlacement(name, headerRow, headerRow + 1, headerRow + rows.Count, firstColumn, lastColumn, rows.Count);
        var templates = samples.Select(column => (IReadOnlyList<CellStyleKey>)[.. column.Select(CellStyleKey.Of)]).ToList();
        return new StreamedTableRows(Sheet.Name, placement, templateRows, templates, (row, column) => columns[column].Cell(rows[row]));
    }

    /// <summary>Keeps the rows above <paramref name="headerRow"/> and the header itself in view while scrolling.</summary>
    public void FreezeThrough(int headerRow) => Sheet.SheetView.FreezeRows(headerRow);

    private void Header<TRow>(int headerRow, int firstColumn, IReadOnlyList<ReportColumn<TRow>> columns)
    {
        for (var index = 0; index < columns.Count; index++)
        {
            var column = firstColumn + index;
            Sheet.Cell(headerRow, column).SetValue(columns[index].Header);
            widths.Measure(column, columns[index].Header, isHeader: true);
            if (columns[index].Wrap)
            {
                widths.MarkWrapped(column);
            }

            if (columns[index].Width is { } width)
            {
                widths.Fix(column, width);
            }
        }
    }

    private void CreateTable(string name, int headerRow, int firstColumn, int lastRow, int lastColumn)
    {
        var table = Sheet.Range(headerRow, firstColumn, lastRow, lastColumn).CreateTable(name);
        table.Theme = XLTableTheme.TableStyleMedium2;
        table.ShowAutoFilter = true;
        table.ShowRowStripes = true;
        table.Range(1, 1, table.RowCount(), table.ColumnCount()).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    /// <summary>Applies the measured widths; sentence columns wrap instead of growing.</summary>
    public void FitColumns()
    {
        foreach (var column in widths.Columns)
        {
            Sheet.Column(column).Width = widths.WidthOf(column);
            if (widths.IsWrapped(column))
            {
                Sheet.Column(column).Style.Alignment.WrapText = true;
            }
        }
    }
}

/// <summary>
/// One column of a report table: its header and how a row becomes a cell. <see cref="Wrap"/> columns
/// hold sentences: they get a capped width and wrapped text instead of a very wide column.
/// <see cref="Width"/> fixes the width of a column whose content is not known yet (one people fill in).
/// </summary>
internal sealed record ReportColumn<TRow>(string Header, Func<TRow, ReportCell> Cell, bool Wrap = false, double? Width = null);

/// <summary>Where a table landed on its sheet (1-based rows and columns), for what is added around it.</summary>
internal sealed record TablePlacement(string Name, int HeaderRow, int FirstDataRow, int LastDataRow, int FirstColumn, int LastColumn, int DataRowCount)
{
    /// <summary>The first free row below the table, leaving one blank row.</summary>
    public int NextFreeRow => LastDataRow + 2;
}
