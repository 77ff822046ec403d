using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// Reads an outreach list front desk worked back from its file, in bounded memory. First the zip
/// package's size and shape (<see cref="WorkbookPackageCheck"/>), then the list's marker (<see cref="WorkedListMarker"/>): a file
/// that is not an .xlsx, or not one of our outreach lists, is turned away before a cell is read. Then the
/// list sheet is streamed twice with the OpenXML SDK's reader (never loaded whole): the top rows to find
/// the header row by its column names (so it does not matter whether the program that saved the file
/// kept the Excel table), then the rows below it, keeping only the columns the import uses; the shared
/// strings those cells point at are streamed in last. Checks of the rows' content come later.
/// </summary>
internal static class WorkedListReader
{
    /// <summary>How far down the sheet the header row may be (it is row 3 as written).</summary>
    private const int HeaderSearchRows = 30;

    private const string NotAWorkbook = "this is not an Excel workbook (.xlsx), or the file is damaged. Import the outreach list file (outreach-<clinic>-<date>.xlsx) as saved by Excel or LibreOffice.";

    private static readonly string[] RequiredColumns =
        [OutreachListLayout.RowKey, OutreachListLayout.Outcome, OutreachListLayout.OutcomeDate, OutreachListLayout.StaffInitials];

    /// <summary>The columns kept from each row: the ones front desk fills in, the key, and what a new queue item needs.</summary>
    private static readonly string[] KeptColumns =
        [OutreachListLayout.RowKey, .. OutreachListLayout.FillInColumns, OutreachListLayout.Reason, OutreachListLayout.Priority];

    public static bool TryRead(string path, out WorkedList? list, out OutreachImportProblem? problem)
    {
        list = null;
        problem = null;
        if (Directory.Exists(path) || !File.Exists(path))
        {
            problem = new OutreachImportProblem(path, null, null, "the file does not exist (or is a folder). Check the path.");
            return false;
        }

        string? sheetName = null;
        try
        {
            WorkbookPackageCheck.Check(path);
            using var document = Open(path);
            if (document is null)
            {
                problem = new OutreachImportProblem(path, null, null, NotAWorkbook);
                return false;
            }

            if (!WorkedListMarker.TryRead(document, out var marker, out var reason))
            {
                problem = new OutreachImportProblem(path, null, null, reason);
                return false;
            }

            var workbook = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no workbook part.");
            if (FindSheet(workbook, OutreachListLayout.ListSheet) is not ({ } sheet, { } name))
            {
                problem = new OutreachImportProblem(path, null, null,
                    $"the sheet '{OutreachListLayout.ListSheet}' is missing (renamed or deleted?). Import the list as it was written, with its sheets unchanged.");
                return false;
            }

            sheetName = name;
            var keptCharacters = 0;
            if (!TryFindColumns(sheet, workbook.SharedStringTablePart, ref keptCharacters, out var headerRow, out var columns, out reason))
            {
                problem = new OutreachImportProblem(path, name, null, reason);
                return false;
            }

            var rows = ReadRows(sheet, workbook.SharedStringTablePart, headerRow, columns, ref keptCharacters);
            list = new WorkedList(path, marker!.ClinicId, marker.AsOf, marker.Signature, name, rows);
            return true;
        }
        catch (WorkedListRefusedException refused)
        {
            problem = new OutreachImportProblem(path, sheetName, null, refused.Message);
            return false;
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            problem = new OutreachImportProblem(path, null, null, sheetName is null ? NotAWorkbook
                : $"the workbook could not be read ({exception.Message}). Save it again as .xlsx, or use a fresh copy of the list.");
            return false;
        }
    }

    /// <summary>Opens the package; null when the file is not a workbook at all.</summary>
    private static SpreadsheetDocument? Open(string path)
    {
        try
        {
            // The package check has measured every part already; this caps the XML reader as well.
            return SpreadsheetDocument.Open(path, isEditable: false, new OpenSettings { MaxCharactersInPart = WorkedListLimits.StreamedPartBytes });
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            return null;
        }
    }

    /// <summary>A sheet's part and name as the file spells it (found ignoring case), by streaming the workbook part's sheet entries.</summary>
    internal static (WorksheetPart? Part, string? Name) FindSheet(WorkbookPart workbook, string sheetName)
    {
        using var reader = OpenXmlReader.Create(workbook);
        while (reader.Read())
        {
            if (!reader.IsStartElement || reader.LocalName != "sheet")
            {
                continue;
            }

            var name = reader.Attributes.FirstOrDefault(attribute => attribute.LocalName == "name").Value;
            var id = reader.Attributes.FirstOrDefault(attribute => attribute.LocalName == "id" && attribute.NamespaceUri.Contains("relationships", StringComparison.Ordinal)).Value;
            if (string.Equals(name, sheetName, StringComparison.OrdinalIgnoreCase) && id is not null)
            {
                return (workbook.TryGetPartById(id, out var part) ? part as WorksheetPart : null, name);
            }
        }

        return (null, null);
    }

    private static bool TryFindColumns(WorksheetPart sheet, SharedStringTablePart? shared, ref int keptCharacters, out int headerRow, out Dictionary<string, int> columns, out string reason)
    {
        var everyColumn = Enumerable.Range(1, WorkedListLimits.Columns).ToDictionary(column => column, column => column - 1);
        var top = new List<(int Number, SheetCell[] Cells)>();
        foreach (var row in WorksheetRows.Read(sheet, everyColumn, HeaderSearchRows + WorkedListLimits.Rows))
        {
            if (row.Number > HeaderSearchRows)
            {
                break;
            }

            top.Add(row);
        }

        var strings = Strings(shared, top, ref keptCharacters);
        foreach (var (number, cells) in top)
        {
            var found = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var slot = 0; slot < cells.Length; slot++)
            {
                // A text longer than any column name is no header: left alone, never copied by Trim.
                var text = TextOf(cells[slot], strings);
                var header = text.Length <= WorkedListLimits.ShortCellCharacters ? text.Trim() : "";
                if (header.Length > 0)
                {
                    found.TryAdd(header, slot + 1);
                }
            }

            if (found.ContainsKey(OutreachListLayout.RowKey) && found.ContainsKey(OutreachListLayout.Outcome))
            {
                (headerRow, columns) = (number, found);
                var missing = RequiredColumns.Where(required => !found.ContainsKey(required)).ToList();
                reason = missing.Count == 0 ? "" : $"the column(s) {string.Join(", ", missing.Select(name => "'" + name + "'"))} are missing from the header row {number.ToString(CultureInfo.InvariantCulture)}. Use the list as it was written, without deleting or renaming columns.";
                return missing.Count == 0;
            }
        }

        (headerRow, columns) = (0, []);
        reason = $"no header row with the columns '{OutreachListLayout.Outcome}' and '{OutreachListLayout.RowKey}' was found. Use the list as it was written, without deleting or renaming columns.";
        return false;
    }

    private static List<WorkedListRow> ReadRows(WorksheetPart sheet, SharedStringTablePart? shared, int headerRow, Dictionary<string, int> columns, ref int keptCharacters)
    {
        var kept = KeptColumns.Where(columns.ContainsKey).ToList();
        var slotOf = kept.Select((header, slot) => (header, slot)).ToDictionary(entry => entry.header, entry => entry.slot, StringComparer.Ordinal);
        var slotOfColumn = kept.ToDictionary(header => columns[header], header => slotOf[header]);
        var rows = new List<(int Number, SheetCell[] Cells)>();
        foreach (var row in WorksheetRows.Read(sheet, slotOfColumn, headerRow + WorkedListLimits.Rows))
        {
            if (row.Number > headerRow)
            {
                keptCharacters += row.Cells.Sum(cell => cell.Text?.Length ?? 0);
                if (keptCharacters > WorkedListLimits.KeptCharacters)
                {
                    throw new WorkedListRefusedException(SharedStrings.KeptTooMuch());
                }

                rows.Add(row);
            }
        }

        var strings = Strings(shared, rows, ref keptCharacters);
        foreach (var (number, cells) in rows)
        {
            ChargeCells(number, cells, kept, strings, ref keptCharacters);
        }

        return [.. rows.Select(row => WorkedListRow.From(row.Number, header => slotOf.TryGetValue(header, out var slot) ? Resolve(row.Cells[slot], strings) : null))];
    }

    /// <summary>
    /// Refuses a cell longer than its column may be, and counts each shared text once more for every
    /// cell that points at it: one text of 32,767 characters in 40,000 cells would otherwise be copied
    /// 40,000 times later (about 2.6 GB) while counted once.
    /// </summary>
    private static void ChargeCells(int number, SheetCell[] cells, List<string> kept, Dictionary<int, string> strings, ref int keptCharacters)
    {
        for (var slot = 0; slot < cells.Length; slot++)
        {
            var length = cells[slot].Kind == SheetCellKind.SharedString ? strings[cells[slot].SharedIndex].Length : cells[slot].Text?.Length ?? 0;
            var longest = WorkedListLimits.CharactersIn(kept[slot]);
            if (length > longest)
            {
                throw new WorkedListRefusedException(string.Create(CultureInfo.InvariantCulture,
                    $"row {number}: the {kept[slot]} cell holds {length} characters, more than the {longest} it may hold. Shorten it, or use the list as it was written."));
            }

            keptCharacters += cells[slot].Kind == SheetCellKind.SharedString ? length : 0;
            if (keptCharacters > WorkedListLimits.KeptCharacters)
            {
                throw new WorkedListRefusedException(SharedStrings.KeptTooMuch());
            }
        }
    }

    /// <summary>The shared strings the cells point at, streamed from the shared strings part.</summary>
    private static Dictionary<int, string> Strings(SharedStringTablePart? shared, List<(int Number, SheetCell[] Cells)> rows, ref int keptCharacters)
    {
        var wanted = rows.SelectMany(row => row.Cells).Where(cell => cell.Kind == SheetCellKind.SharedString).Select(cell => cell.SharedIndex).ToHashSet();
        if (wanted.Count == 0)
        {
            return [];
        }

        if (shared is null)
        {
            throw new WorkedListRefusedException("cells point at texts the workbook does not have (no shared strings part): the file is damaged. Use a fresh copy of the list.");
        }

        var strings = SharedStrings.Read(shared, wanted, ref keptCharacters);
        return strings.Count == wanted.Count
            ? strings
            : throw new WorkedListRefusedException("cells point at texts the workbook does not have: the file is damaged. Use a fresh copy of the list.");
    }

    /// <summary>A cell with its shared string looked up.</summary>
    private static SheetCell Resolve(SheetCell cell, Dictionary<int, string> strings) =>
        cell.Kind == SheetCellKind.SharedString ? cell with { Kind = SheetCellKind.Text, Text = strings[cell.SharedIndex] } : cell;

    private static string TextOf(SheetCell cell, Dictionary<int, string> strings) =>
        cell.Kind == SheetCellKind.SharedString ? strings[cell.SharedIndex] : cell.Text ?? "";

    /// <summary>What a file that is not a readable workbook throws, from the zip, the package or the XML.</summary>
    private static bool IsUnreadable(Exception exception) =>
        exception is IOException or InvalidDataException or FileFormatException or OpenXmlPackageException or XmlException
            or InvalidOperationException or ArgumentException or NotSupportedException or FormatException or UnauthorizedAccessException
            or KeyNotFoundException;
}

/// <summary>An outreach list read back from a file: whose list, as of when, and its rows.</summary>
/// <param name="Signature">The list's signature as found in the file; null when it has none.</param>
internal sealed record WorkedList(string File, string ClinicId, DateOnly AsOf, string? Signature, string Sheet, IReadOnlyList<WorkedListRow> Rows);
