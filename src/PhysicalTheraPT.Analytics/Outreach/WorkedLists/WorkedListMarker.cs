using System.Globalization;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using PhysicalTheraPT.Analytics.Files;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// The marker our list writer stamps on every outreach list: which clinic, which day, which layout, and
/// the list's signature. Read before a single cell of the list: from the very hidden identity sheet
/// (<see cref="WorkbookMarker.IdentitySheet"/>) when the file has one, which survives a save by Google
/// Sheets, Numbers or openpyxl; else from the custom document properties, where lists written before
/// the sheet existed carry it. Either way the signature decides whether the identity is ours.
/// </summary>
internal sealed record WorkedListMarker(string ClinicId, DateOnly AsOf, string? Signature)
{
    /// <summary>Rows of the identity sheet read: it has five, the rest is room for later names.</summary>
    private const int IdentityRows = 20;

    public static bool TryRead(SpreadsheetDocument document, out WorkedListMarker? marker, out string reason)
    {
        marker = null;
        var properties = FromIdentitySheet(document) ?? FromDocumentProperties(document);
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

        var clinicId = properties.GetValueOrDefault(WorkbookMarker.ClinicId) ?? "";
        if (clinicId.Length == 0 || ListDate(properties.GetValueOrDefault(WorkbookMarker.AsOf)) is not { } asOf)
        {
            reason = "the outreach-list marker has no clinic or list date (the file's properties or its hidden identity sheet were edited). Use the list as it was written.";
            return false;
        }

        marker = new WorkedListMarker(clinicId, asOf, properties.GetValueOrDefault(WorkbookMarker.Signature));
        reason = "";
        return true;
    }

    private static Dictionary<string, string> FromDocumentProperties(SpreadsheetDocument document) =>
        document.CustomFilePropertiesPart?.Properties?.Elements<CustomDocumentProperty>()
            .Where(property => property.Name?.Value is not null)
            .GroupBy(property => property.Name!.Value!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().InnerText, StringComparer.Ordinal)
            ?? [];

    /// <summary>The identity sheet's name/value rows (column A, column B); null when the workbook has no such sheet.</summary>
    private static Dictionary<string, string>? FromIdentitySheet(SpreadsheetDocument document)
    {
        if (document.WorkbookPart is not { } workbook || WorkedListReader.FindSheet(workbook, WorkbookMarker.IdentitySheet).Part is not { } sheet)
        {
            return null;
        }

        // Only the top rows are read (the reader stops there), whatever else a sheet of this name holds.
        var rows = WorksheetRows.Read(sheet, new Dictionary<int, int> { [1] = 0, [2] = 1 }, WorkedListLimits.Rows).TakeWhile(row => row.Number <= IdentityRows).ToList();
        var wanted = rows.SelectMany(row => row.Cells).Where(cell => cell.Kind == SheetCellKind.SharedString).Select(cell => cell.SharedIndex).ToHashSet();
        var keptCharacters = 0;
        var strings = wanted.Count == 0 || workbook.SharedStringTablePart is null ? [] : SharedStrings.Read(workbook.SharedStringTablePart, wanted, ref keptCharacters);
        string? Text(SheetCell cell) => cell.Kind == SheetCellKind.SharedString ? strings.GetValueOrDefault(cell.SharedIndex) : cell.Text;

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, cells) in rows)
        {
            if (Text(cells[0])?.Trim() is { Length: > 0 } name && Text(cells[1]) is { } value)
            {
                properties.TryAdd(name, value.Trim());
            }
        }

        return properties;
    }

    /// <summary>The list date as written (<c>yyyy-MM-dd</c>), or as the date serial a program that took the text for a date made of it.</summary>
    private static DateOnly? ListDate(string? text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466 && serial == Math.Floor(serial)
            ? DateOnly.FromDateTime(DateTime.FromOADate(serial))
            : null;
    }
}
