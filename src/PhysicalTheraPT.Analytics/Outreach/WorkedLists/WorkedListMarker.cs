using System.Globalization;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using PhysicalTheraPT.Analytics.Files;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// The marker our list writer stamps on every outreach list (its custom document properties): which
/// clinic, which day, which layout, and the list's signature. Read before a single cell.
/// </summary>
internal sealed record WorkedListMarker(string ClinicId, DateOnly AsOf, string? Signature)
{
    public static bool TryRead(SpreadsheetDocument document, out WorkedListMarker? marker, out string reason)
    {
        marker = null;
        var properties = document.CustomFilePropertiesPart?.Properties?.Elements<CustomDocumentProperty>()
            .Where(property => property.Name?.Value is not null)
            .GroupBy(property => property.Name!.Value!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().InnerText, StringComparer.Ordinal)
            ?? [];
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
        var asOfText = properties.GetValueOrDefault(WorkbookMarker.AsOf);
        if (clinicId.Length == 0 || !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
        {
            reason = "the outreach-list marker has no clinic or list date (the file's properties were edited). Use the list as it was written.";
            return false;
        }

        marker = new WorkedListMarker(clinicId, asOf, properties.GetValueOrDefault(WorkbookMarker.Signature));
        reason = "";
        return true;
    }
}
