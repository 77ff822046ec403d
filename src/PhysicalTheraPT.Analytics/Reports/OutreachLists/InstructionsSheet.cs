using System.Globalization;
using ClosedXML.Excel;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;

namespace PhysicalTheraPT.Analytics.Reports.OutreachLists;

/// <summary>The first sheet of an outreach list: how to work it, in front-desk words.</summary>
internal static class InstructionsSheet
{
    public static void Write(XLWorkbook workbook, OutreachList list, int rowCount)
    {
        var sheet = workbook.AddWorksheet(OutreachListLayout.InstructionsSheet);
        var canvas = new SheetCanvas(sheet);
        canvas.Title($"Patients to call: {list.ClinicName}");
        var date = list.AsOf.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var row = 3;

        string[] introduction =
        [
            $"This list was made on {date}. It has {rowCount.ToString(CultureInfo.InvariantCulture)} patients who finished their treatment but have not booked",
            "maintenance massage, or whose regular maintenance visits have stopped. A friendly call often brings them back.",
        ];
        foreach (var line in introduction)
        {
            Line(sheet, row++, line);
        }

        row++;
        canvas.Heading(row++, "How to work the list");
        string[] steps =
        [
            $"1. Open the \"{OutreachListLayout.ListSheet}\" sheet. Call from the top: the patients most worth a call come first.",
            "2. The Reason column says why each patient is on the list, so you know what to talk about.",
            $"   Reach each patient the way the {OutreachListLayout.PreferredChannel} column says (sms: send a text, do not call). A blank",
            "   phone or email means the patient has not agreed to be reached that way.",
            $"3. After each call, click the {OutreachListLayout.Outcome} cell and pick what happened from the dropdown (see below).",
            $"4. Enter the {OutreachListLayout.OutcomeDate} (the day you called, e.g. {IsoDate.Format(list.AsOf.AddDays(2))}) and your initials. Add notes if they help.",
            "5. Only the yellow columns can be changed. Please do not add, delete or move rows, or rename the sheets.",
            "6. When you are done, save the file with the same name (as .xlsx) and put it back in the outreach folder,",
            "   or hand it back to your manager. What you entered is then recorded, and the next list takes it into account.",
        ];
        foreach (var step in steps)
        {
            Line(sheet, row++, step);
        }

        row++;
        canvas.Heading(row++, "The outcomes");
        (OutreachOutcome Outcome, string Meaning)[] outcomes =
        [
            (OutreachOutcome.NotReached, "No answer, and you did not leave a message. The patient will be listed again later."),
            (OutreachOutcome.LeftMessage, "You left a voicemail or sent a text or email. The patient will be listed again later."),
            (OutreachOutcome.Booked, "The patient booked a maintenance appointment. Well done!"),
            (OutreachOutcome.Declined, "The patient does not want maintenance now. They will not be listed again for a good while."),
            (OutreachOutcome.DoNotContact, "The patient asks not to be contacted again. They are removed from all lists, for good."),
            (OutreachOutcome.WrongNumber, "The phone number or email is wrong. Please also correct it in the clinic software."),
        ];
        foreach (var (outcome, meaning) in outcomes)
        {
            var cell = sheet.Cell(row, 1);
            cell.SetValue(outcome.ToContractName());
            cell.Style.Font.Bold = true;
            Line(sheet, row++, meaning, column: 2);
        }

        row++;
        canvas.Heading(row++, "Privacy");
        Line(sheet, row++, "This file holds patients' names, phone numbers and emails. Keep it on clinic computers, do not email it,");
        Line(sheet, row, "and shred printed copies when you are done.");

        sheet.Column(1).Width = 18;
        sheet.Column(2).Width = 100;
        PrintLayout.Apply(sheet, list.ClinicName + " · Patients to call · " + date, "Outreach list", repeatedHeaderRow: null);
    }

    private static void Line(IXLWorksheet sheet, int row, string text, int column = 1) => sheet.Cell(row, column).SetValue(text);
}
