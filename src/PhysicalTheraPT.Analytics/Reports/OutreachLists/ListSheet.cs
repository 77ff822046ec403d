using ClosedXML.Excel;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports.OutreachLists;

/// <summary>
/// The sheet front desk works in: the patients, highest priority first, then the four columns they fill
/// in (the only unlocked cells, with dropdown and date checks), and a hidden, locked row key per row. The
/// rows are streamed into the saved file (<see cref="SheetCanvas.StreamedTable"/>): as cells of the
/// library, 5,000 rows took about 80 MB more to save.
/// </summary>
internal static class ListSheet
{
    /// <summary>The header row: a title line and a hint above it.</summary>
    public const int HeaderRow = 3;

    /// <summary>Latest outcome date accepted, counted from the list's date: lists are worked within weeks.</summary>
    private const int OutcomeDaysAccepted = 366;

    public static StreamedTableRows Write(XLWorkbook workbook, OutreachList list, IReadOnlyList<OutreachListRow> rows, ListSigningKey signingKey)
    {
        var sheet = workbook.AddWorksheet(OutreachListLayout.ListSheet);
        var canvas = new SheetCanvas(sheet);
        canvas.Title($"{list.ClinicName}: patients to call, list of {Iso(list.AsOf)}");
        canvas.Note(2, "Call from the top. Fill in the yellow columns; pick the Outcome from the dropdown. See \"How to use this list\" for help.");

        ReportColumn<OutreachListRow>[] columns =
        [
            new(OutreachListLayout.Name, row => ReportCell.Of(row.Name)),
            new(OutreachListLayout.Phone, row => ReportCell.Of(row.Phone)),
            new(OutreachListLayout.Email, row => ReportCell.Of(row.Email)),
            new(OutreachListLayout.PreferredChannel, row => ReportCell.Of(row.PreferredChannel)),
            new(OutreachListLayout.Flag, row => ReportCell.Of(row.Flag.Label())),
            new(OutreachListLayout.Reason, row => ReportCell.Of(row.Reason), Wrap: true),
            new(OutreachListLayout.LastVisit, row => ReportCell.Date(row.LastVisit)),
            new(OutreachListLayout.DischargingProvider, row => ReportCell.Of(row.DischargingProvider)),
            new(OutreachListLayout.DaysSince, row => ReportCell.Count(row.DaysSince)),
            new(OutreachListLayout.Priority, row => ReportCell.Count(row.Priority)),
            new(OutreachListLayout.Outcome, _ => ReportCell.Blank, Width: 18),
            new(OutreachListLayout.OutcomeDate, _ => ReportCell.Blank, Width: 15),
            new(OutreachListLayout.StaffInitials, _ => ReportCell.Blank, Width: 15),
            new(OutreachListLayout.Notes, _ => ReportCell.Blank, Wrap: true, Width: 40),
            new(OutreachListLayout.RowKey, row => ReportCell.Of(OutreachRowKey.Create(list.ClinicId, row.PatientId, row.Flag.ToContractName(), list.AsOf).SignedWith(signingKey))),
        ];
        var streamed = canvas.StreamedTable(HeaderRow, 1, OutreachListLayout.TableName, columns, rows);
        var table = streamed.Placement;
        canvas.FitColumns();

        var outcome = ColumnOf(columns, OutreachListLayout.Outcome);
        var outcomeDate = ColumnOf(columns, OutreachListLayout.OutcomeDate);
        var initials = ColumnOf(columns, OutreachListLayout.StaffInitials);
        var notes = ColumnOf(columns, OutreachListLayout.Notes);
        var key = ColumnOf(columns, OutreachListLayout.RowKey);

        // Styled on the rows written here (the template rows); every streamed row takes their styles.
        var fillIn = sheet.Range(table.FirstDataRow, outcome, streamed.LastWrittenRow, notes);
        fillIn.Style.Protection.Locked = false;
        fillIn.Style.Fill.BackgroundColor = XLColor.FromHtml(ReportPalette.FillInFill);
        sheet.Range(table.FirstDataRow, outcomeDate, streamed.LastWrittenRow, outcomeDate).Style.NumberFormat.Format = NumberFormats.Date;

        AddOutcomeDropdown(sheet.Range(table.FirstDataRow, outcome, table.LastDataRow, outcome));
        AddDateCheck(sheet.Range(table.FirstDataRow, outcomeDate, table.LastDataRow, outcomeDate), list.AsOf);
        AddInitialsCheck(sheet.Range(table.FirstDataRow, initials, table.LastDataRow, initials));

        sheet.Column(key).Hide();
        canvas.FreezeThrough(HeaderRow);
        PrintLayout.Apply(sheet, list.ClinicName + " · Patients to call · list of " + Iso(list.AsOf), "Confidential: patient contact details", HeaderRow);

        // No password: the protection guards against slips (typing over a phone number, breaking a key),
        // not against a determined user. Sorting, filtering and resizing columns stay allowed.
        sheet.Protect()
            .AllowElement(XLSheetProtectionElements.SelectLockedCells)
            .AllowElement(XLSheetProtectionElements.SelectUnlockedCells)
            .AllowElement(XLSheetProtectionElements.Sort)
            .AllowElement(XLSheetProtectionElements.AutoFilter)
            .AllowElement(XLSheetProtectionElements.FormatColumns);
        return streamed;
    }

    private static void AddOutcomeDropdown(IXLRange range)
    {
        var validation = range.SetDataValidation();
        validation.List("\"" + string.Join(",", OutreachOutcomeNames.All) + "\"", inCellDropdown: true);
        validation.IgnoreBlanks = true;
        validation.ShowInputMessage = true;
        validation.InputTitle = "What happened?";
        validation.InputMessage = "Pick the outcome of your call from the list.";
        validation.ShowErrorMessage = true;
        validation.ErrorStyle = XLErrorStyle.Stop;
        validation.ErrorTitle = "Pick an outcome from the list";
        validation.ErrorMessage = "Use one of: " + string.Join(", ", OutreachOutcomeNames.All) + ".";
    }

    private static void AddDateCheck(IXLRange range, DateOnly asOf)
    {
        var validation = range.SetDataValidation();
        validation.Date.Between(asOf.ToDateTime(TimeOnly.MinValue), asOf.AddDays(OutcomeDaysAccepted).ToDateTime(TimeOnly.MinValue));
        validation.IgnoreBlanks = true;
        validation.ShowErrorMessage = true;
        validation.ErrorStyle = XLErrorStyle.Stop;
        validation.ErrorTitle = "Enter the date of the call";
        validation.ErrorMessage = "Enter the day you called as a date, e.g. " + Iso(asOf.AddDays(2)) + " (on or after the list date " + Iso(asOf) + ").";
    }

    private static void AddInitialsCheck(IXLRange range)
    {
        var validation = range.SetDataValidation();
        validation.TextLength.Between(1, StaffInitials.Longest);
        validation.IgnoreBlanks = true;
        validation.ShowErrorMessage = true;
        validation.ErrorStyle = XLErrorStyle.Stop;
        validation.ErrorTitle = "Your initials";
        validation.ErrorMessage = "Enter your initials, up to " + StaffInitials.Longest.ToString(System.Globalization.CultureInfo.InvariantCulture) + " letters.";
    }

    private static int ColumnOf(IReadOnlyList<ReportColumn<OutreachListRow>> columns, string header) =>
        1 + columns.Select((column, index) => (column, index)).Single(entry => entry.column.Header == header).index;

    private static string Iso(DateOnly date) => IsoDate.Format(date);
}
