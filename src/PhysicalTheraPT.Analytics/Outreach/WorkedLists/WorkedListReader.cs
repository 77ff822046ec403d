using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using PhysicalTheraPT.Analytics.Reports;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// Reads an outreach list front desk worked back from its file. First the document properties: a file
/// that is not an .xlsx, or not one of our outreach lists, is turned away before a cell is read. Then the
/// list sheet, its header row (found by the column names, so it does not matter whether the program that
/// saved the file kept the Excel table) and every row below it. Checks of the rows' content come later.
/// </summary>
internal static class WorkedListReader
{
    /// <summary>How far down the sheet the header row may be (it is row 3 as written).</summary>
    private const int HeaderSearchRows = 30;

    private static readonly string[] RequiredColumns =
        [OutreachListLayout.RowKey, OutreachListLayout.Outcome, OutreachListLayout.OutcomeDate, OutreachListLayout.StaffInitials];

    public static bool TryRead(string path, out WorkedList? list, out OutreachImportProblem? problem)
    {
        list = null;
        problem = null;
        if (Directory.Exists(path) || !File.Exists(path))
        {
            problem = new OutreachImportProblem(path, null, null, "the file does not exist (or is a folder). Check the path.");
            return false;
        }

        if (!TryReadMarker(path, out var clinicId, out var asOf, out var signature, out var reason))
        {
            problem = new OutreachImportProblem(path, null, null, reason);
            return false;
        }

        try
        {
            using var workbook = new XLWorkbook(path);
            if (!workbook.TryGetWorksheet(OutreachListLayout.ListSheet, out var sheet))
            {
                problem = new OutreachImportProblem(path, null, null,
                    $"the sheet '{OutreachListLayout.ListSheet}' is missing (renamed or deleted?). Import the list as it was written, with its sheets unchanged.");
                return false;
            }

            if (!TryFindColumns(sheet, out var headerRow, out var columns, out reason))
            {
                problem = new OutreachImportProblem(path, sheet.Name, null, reason);
                return false;
            }

            var rows = new List<WorkedListRow>();
            var lastRow = sheet.LastRowUsed()?.RowNumber() ?? headerRow;
            for (var row = headerRow + 1; row <= lastRow; row++)
            {
                rows.Add(ReadRow(sheet, row, columns));
            }

            list = new WorkedList(path, clinicId, asOf, signature, sheet.Name, rows);
            return true;
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            problem = new OutreachImportProblem(path, null, null, $"the workbook could not be read ({exception.Message}). Save it again as .xlsx, or use a fresh copy of the list.");
            return false;
        }
    }

    /// <summary>The marker our list writer stamps on every outreach list: which clinic and which day.</summary>
    private static bool TryReadMarker(string path, out string clinicId, out DateOnly asOf, out string? signature, out string reason)
    {
        clinicId = "";
        asOf = default;
        signature = null;
        Dictionary<string, string> properties;
        try
        {
            using var document = SpreadsheetDocument.Open(path, isEditable: false);
            properties = document.CustomFilePropertiesPart?.Properties?.Elements<CustomDocumentProperty>()
                .Where(property => property.Name?.Value is not null)
                .GroupBy(property => property.Name!.Value!, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.First().InnerText, StringComparer.Ordinal)
                ?? [];
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            reason = "this is not an Excel workbook (.xlsx), or the file is damaged. Import the outreach list file (outreach-<clinic>-<date>.xlsx) as saved by Excel or LibreOffice.";
            return false;
        }

        if (properties.GetValueOrDefault(WorkbookMarker.Document) != WorkbookMarker.OutreachList)
        {
            reason = "this workbook is not an outreach list made by ptanalytics (it lacks the outreach-list marker). Import only the lists written by `ptanalytics outreach lists`, filled in and saved.";
            return false;
        }

        var version = properties.GetValueOrDefault(WorkbookMarker.LayoutVersion);
        if (version != OutreachListLayout.LayoutVersion)
        {
            reason = $"this outreach list has layout version '{version}', but this version of ptanalytics reads version {OutreachListLayout.LayoutVersion}. Import it with the version that wrote it, or work a new list.";
            return false;
        }

        clinicId = properties.GetValueOrDefault(WorkbookMarker.ClinicId) ?? "";
        signature = properties.GetValueOrDefault(WorkbookMarker.Signature);
        var asOfText = properties.GetValueOrDefault(WorkbookMarker.AsOf);
        if (clinicId.Length == 0 || !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            reason = "the outreach-list marker has no clinic or list date (the file's properties were edited). Use the list as it was written.";
            return false;
        }

        reason = "";
        return true;
    }

    private static bool TryFindColumns(IXLWorksheet sheet, out int headerRow, out Dictionary<string, int> columns, out string reason)
    {
        var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        for (headerRow = 1; headerRow <= HeaderSearchRows; headerRow++)
        {
            var found = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var column = 1; column <= lastColumn; column++)
            {
                var header = sheet.Cell(headerRow, column).GetString().Trim();
                if (header.Length > 0)
                {
                    found.TryAdd(header, column);
                }
            }

            columns = found;
            if (found.ContainsKey(OutreachListLayout.RowKey) && found.ContainsKey(OutreachListLayout.Outcome))
            {
                var missing = RequiredColumns.Where(required => !found.ContainsKey(required)).ToList();
                reason = missing.Count == 0 ? "" : $"the column(s) {string.Join(", ", missing.Select(name => "'" + name + "'"))} are missing from the header row {headerRow.ToString(CultureInfo.InvariantCulture)}. Use the list as it was written, without deleting or renaming columns.";
                return missing.Count == 0;
            }
        }

        headerRow = 0;
        columns = [];
        reason = $"no header row with the columns '{OutreachListLayout.Outcome}' and '{OutreachListLayout.RowKey}' was found. Use the list as it was written, without deleting or renaming columns.";
        return false;
    }

    private static WorkedListRow ReadRow(IXLWorksheet sheet, int row, IReadOnlyDictionary<string, int> columns)
    {
        string? Text(string header) => columns.TryGetValue(header, out var column) ? Blank(sheet.Cell(row, column).GetString()) : null;

        var dateCell = sheet.Cell(row, columns[OutreachListLayout.OutcomeDate]);
        var (date, dateText) = ReadDate(dateCell);
        int? priority = null;
        if (columns.TryGetValue(OutreachListLayout.Priority, out var priorityColumn)
            && double.TryParse(sheet.Cell(row, priorityColumn).GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            priority = (int)Math.Round(number);
        }

        return new WorkedListRow(
            row,
            Text(OutreachListLayout.RowKey),
            Text(OutreachListLayout.Outcome),
            date,
            dateText,
            Text(OutreachListLayout.StaffInitials),
            Text(OutreachListLayout.Notes),
            Text(OutreachListLayout.Reason),
            priority);
    }

    /// <summary>A date typed as a date (the usual case), a date serial number, or yyyy-mm-dd text.</summary>
    private static (DateOnly? Date, string? Text) ReadDate(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return (null, null);
        }

        switch (cell.DataType)
        {
            case XLDataType.DateTime:
                var dateTime = cell.GetDateTime();
                return (DateOnly.FromDateTime(dateTime), dateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case XLDataType.Number:
                var serial = cell.GetDouble();
                return serial is >= 1 and < 2958466
                    ? (DateOnly.FromDateTime(DateTime.FromOADate(serial)), DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    : (null, serial.ToString(CultureInfo.InvariantCulture));
            default:
                var text = Blank(cell.GetString());
                if (text is null)
                {
                    return (null, null);
                }

                var datePart = text.Length > 10 && text[10] is ' ' or 'T' ? text[..10] : text;
                return DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? (parsed, text)
                    : (null, text);
        }
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>What a file that is not a readable workbook throws, from either library.</summary>
    private static bool IsUnreadable(Exception exception) =>
        exception is IOException or InvalidDataException or FileFormatException or OpenXmlPackageException or XmlException
            or InvalidOperationException or ArgumentException or NotSupportedException or FormatException or UnauthorizedAccessException;
}
