using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>Finds a saved workbook's sheet by the name its tab shows, for the work done after ClosedXML has saved.</summary>
internal static class WorksheetParts
{
    public static WorksheetPart Named(SpreadsheetDocument document, string sheetName)
    {
        var workbookPart = document.WorkbookPart ?? throw new InvalidOperationException("The workbook has no workbook part.");
        var sheet = workbookPart.Workbook.Sheets?.Elements<Sheet>().SingleOrDefault(sheet => sheet.Name == sheetName)
            ?? throw new InvalidOperationException("The workbook has no sheet named " + sheetName + ".");
        return (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
    }
}
