using ClosedXML.Excel;
using PhysicalTheraPT.Analytics.Files;

namespace PhysicalTheraPT.Analytics.Reports.OutreachLists;

/// <summary>
/// The list's identity (kind, layout, clinic, date, signature) as rows of a very hidden, protected sheet
/// (<see cref="WorkbookMarker.IdentitySheet"/>), besides the document properties: a list filled in with
/// Google Sheets, Numbers or a script loses the properties but keeps its sheets. The values are no
/// secret (the signature is what makes them trustworthy), so hiding and locking only keep them out of
/// front desk's way.
/// </summary>
internal static class IdentitySheet
{
    public static void Write(XLWorkbook workbook, IReadOnlyDictionary<string, string> marker)
    {
        var sheet = workbook.AddWorksheet(WorkbookMarker.IdentitySheet);
        var row = 1;
        foreach (var (name, value) in marker)
        {
            sheet.Cell(row, 1).SetValue(name);
            var cell = sheet.Cell(row, 2);
            cell.SetValue(value);
            // As text, whatever it looks like: a layout version "1" or a date must come back as written.
            cell.DataType = XLDataType.Text;
            row++;
        }

        sheet.Visibility = XLWorksheetVisibility.VeryHidden;
        sheet.Protect();
    }
}
