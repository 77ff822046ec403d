using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

/// <summary>
/// Reads a workbook back with the OpenXML SDK, for workbooks holding pictures: ClosedXML cannot open
/// those without the native libgdiplus. Cells come back typed, with their number format and fill.
/// </summary>
internal sealed class OpenXmlWorkbook : IDisposable
{
    private readonly SpreadsheetDocument document;
    private readonly WorkbookPart workbookPart;
    private readonly string[] sharedStrings;

    private OpenXmlWorkbook(SpreadsheetDocument document)
    {
        this.document = document;
        workbookPart = document.WorkbookPart!;
        sharedStrings = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(item => item.InnerText).ToArray() ?? [];
    }

    public static OpenXmlWorkbook Open(string path) => new(SpreadsheetDocument.Open(path, isEditable: false));

    public IReadOnlyList<string> SheetNames => [.. workbookPart.Workbook.Sheets!.Elements<Sheet>().Select(sheet => sheet.Name!.Value!)];

    /// <summary>Validation errors against the newest file format the SDK knows, as readable lines.</summary>
    public IReadOnlyList<string> ValidationErrors() =>
        [.. new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document).Select(error => $"{error.Part?.Uri} {error.Path?.XPath}: {error.Description}")];

    public IReadOnlyDictionary<string, string> CustomProperties =>
        document.CustomFilePropertiesPart?.Properties.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>()
            .ToDictionary(property => property.Name!.Value!, property => property.InnerText) ?? [];

    public DateTime? Created => document.PackageProperties.Created;

    public DateTime? Modified => document.PackageProperties.Modified;

    public WorksheetPart Part(string sheetName)
    {
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(sheet => sheet.Name == sheetName);
        return (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
    }

    /// <summary>Every non-empty cell of a sheet by reference (A1, B7, ...).</summary>
    public IReadOnlyDictionary<string, CellContent> Cells(string sheetName) =>
        Part(sheetName).Worksheet.Descendants<Cell>()
            .Where(cell => cell.CellValue is not null || cell.InlineString is not null)
            .ToDictionary(cell => cell.CellReference!.Value!, Read);

    /// <summary>Every non-empty cell of every sheet, in a fixed order: to compare two files cell by cell.</summary>
    public IReadOnlyList<(string Sheet, string Reference, CellContent Content)> AllCells() =>
        [.. SheetNames.SelectMany(sheet => Cells(sheet).Select(cell => (sheet, cell.Key, cell.Value))).OrderBy(cell => cell.sheet, StringComparer.Ordinal).ThenBy(cell => cell.Key, StringComparer.Ordinal)];

    /// <summary>The cells of one table, header text → cells of that column, in row order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CellContent?>> Table(string sheetName, string tableName)
    {
        var definition = Part(sheetName).TableDefinitionParts.Select(part => part.Table).Single(table => table.Name == tableName);
        var (first, last) = RangeOf(definition.Reference!.Value!);
        var cells = Cells(sheetName);
        var columns = new Dictionary<string, IReadOnlyList<CellContent?>>(StringComparer.Ordinal);
        for (var column = first.Column; column <= last.Column; column++)
        {
            var header = cells[Reference(column, first.Row)].Text!;
            columns[header] = [.. Enumerable.Range(first.Row + 1, last.Row - first.Row).Select(row => cells.GetValueOrDefault(Reference(column, row)))];
        }

        return columns;
    }

    public IReadOnlyList<Table> Tables(string sheetName) => [.. Part(sheetName).TableDefinitionParts.Select(part => part.Table)];

    /// <summary>The ranges of every colour-scale conditional format on the sheet.</summary>
    public IReadOnlyList<string> ColourScaleRanges(string sheetName) =>
        [.. Part(sheetName).Worksheet.Elements<ConditionalFormatting>()
            .Where(format => format.Elements<ConditionalFormattingRule>().Any(rule => rule.Type?.Value == ConditionalFormatValues.ColorScale))
            .SelectMany(format => format.SequenceOfReferences!.Items.Select(item => item.Value!))];

    public IReadOnlyList<ImagePart> Images(string sheetName) => [.. Part(sheetName).DrawingsPart?.ImageParts ?? []];

    public Pane? FrozenPane(string sheetName) => Part(sheetName).Worksheet.Descendants<Pane>().SingleOrDefault();

    public PageSetup? PageSetup(string sheetName) => Part(sheetName).Worksheet.Elements<PageSetup>().SingleOrDefault();

    public HeaderFooter? HeaderFooter(string sheetName) => Part(sheetName).Worksheet.Elements<HeaderFooter>().SingleOrDefault();

    public bool FitsToPageWidth(string sheetName) =>
        Part(sheetName).Worksheet.Elements<SheetProperties>().SingleOrDefault()?.PageSetupProperties?.FitToPage?.Value == true;

    public IReadOnlyDictionary<uint, double> ColumnWidths(string sheetName) =>
        Part(sheetName).Worksheet.Descendants<Column>()
            .SelectMany(column => Enumerable.Range((int)column.Min!.Value, (int)(column.Max!.Value - column.Min.Value + 1)).Select(index => (Index: (uint)index, Width: column.Width?.Value ?? 0)))
            .ToDictionary(entry => entry.Index, entry => entry.Width);

    public void Dispose() => document.Dispose();

    public static string Reference(int column, int row)
    {
        var letters = "";
        for (var remaining = column; remaining > 0; remaining = (remaining - 1) / 26)
        {
            letters = (char)('A' + ((remaining - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    private static ((int Column, int Row) First, (int Column, int Row) Last) RangeOf(string reference)
    {
        var parts = reference.Split(':');
        return (Parse(parts[0]), Parse(parts[^1]));
    }

    private static (int Column, int Row) Parse(string reference)
    {
        var column = 0;
        var index = 0;
        for (; index < reference.Length && char.IsAsciiLetter(reference[index]); index++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[index]) - 'A' + 1);
        }

        return (column, int.Parse(reference[index..], CultureInfo.InvariantCulture));
    }

    private CellContent Read(Cell cell)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        string? text = null;
        double? number = null;
        if (type == CellValues.SharedString)
        {
            text = sharedStrings[int.Parse(raw!, CultureInfo.InvariantCulture)];
        }
        else if (type == CellValues.InlineString)
        {
            text = cell.InlineString!.InnerText;
        }
        else if (type == CellValues.String)
        {
            text = raw;
        }
        else if (type is null || type == CellValues.Number || type == CellValues.Date)
        {
            number = double.Parse(raw!, CultureInfo.InvariantCulture);
        }
        else
        {
            text = raw;
        }

        var format = CellFormat(cell);
        return new CellContent(text, number, NumberFormat(format), Fill(format), Font(format)?.Italic is not null);
    }

    private CellFormat? CellFormat(Cell cell) =>
        cell.StyleIndex?.Value is { } index ? workbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)index) : null;

    private string? NumberFormat(CellFormat? format)
    {
        var id = format?.NumberFormatId?.Value ?? 0;
        if (id == 0)
        {
            return null;
        }

        var custom = workbookPart.WorkbookStylesPart!.Stylesheet.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(numbering => numbering.NumberFormatId?.Value == id);
        return custom?.FormatCode?.Value ?? "builtin:" + id.ToString(CultureInfo.InvariantCulture);
    }

    private string? Fill(CellFormat? format)
    {
        // Fills 0 and 1 are the two every stylesheet starts with: none and the grey-125 pattern.
        var id = format?.FillId?.Value ?? 0;
        if (id <= 1)
        {
            return null;
        }

        var fill = workbookPart.WorkbookStylesPart!.Stylesheet.Fills!.Elements<Fill>().ElementAt((int)id);
        return fill.PatternFill?.ForegroundColor?.Rgb?.Value;
    }

    private Font? Font(CellFormat? format) =>
        format?.FontId?.Value is { } id ? workbookPart.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)id) : null;
}
