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
        switch (value.Kind)
        {
            case ReportCellKind.Blank:
                break;
            case ReportCellKind.Text or ReportCellKind.Maturing:
                // SetValue keeps text as text; assigning Value would turn "00123" into 123.
                cell.SetValue(value.Text ?? "");
                break;
            case ReportCellKind.Date or ReportCellKind.Month:
                cell.SetValue(DateTime.FromOADate(value.Number));
                break;
            default:
                cell.SetValue(value.Number);
                break;
        }

        if (NumberFormats.For(value.Kind) is { } format)
        {
            cell.Style.NumberFormat.Format = format;
        }

        if (value.NotFinal)
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

        for (var rowIndex = 0; rowIndex < rows.Count; rowIndex++)
        {
            for (var index = 0; index < columns.Count; index++)
            {
                Put(headerRow + 1 + rowIndex, firstColumn + index, columns[index].Cell(rows[rowIndex]));
            }
        }

        var lastRow = headerRow + Math.Max(rows.Count, 1);
        var lastColumn = firstColumn + columns.Count - 1;
        var table = Sheet.Range(headerRow, firstColumn, lastRow, lastColumn).CreateTable(name);
        table.Theme = XLTableTheme.TableStyleMedium2;
        table.ShowAutoFilter = true;
        table.ShowRowStripes = true;
        table.Range(1, 1, table.RowCount(), table.ColumnCount()).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        return new TablePlacement(name, headerRow, headerRow + 1, lastRow, firstColumn, lastColumn, rows.Count);
    }

    /// <summary>Keeps the rows above <paramref name="headerRow"/> and the header itself in view while scrolling.</summary>
    public void FreezeThrough(int headerRow) => Sheet.SheetView.FreezeRows(headerRow);

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
