using System.Globalization;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// One row of a worked outreach list as read from the file, before any check: the cells front desk
/// filled in, the hidden key, and the row's reason and priority (used only if the queue never saw the
/// patient). Text cells are trimmed; blank cells are null.
/// </summary>
/// <param name="RowNumber">The spreadsheet row number, for messages.</param>
/// <param name="OutcomeDate">The outcome date when the cell holds a date (typed as a date, or as yyyy-mm-dd text).</param>
/// <param name="OutcomeDateText">What the outcome date cell shows, for messages; null when blank.</param>
/// <param name="FormulaIn">The first column front desk fills in (or the key) that holds a formula; null when none does.</param>
internal sealed record WorkedListRow(
    int RowNumber,
    string? Key,
    string? Outcome,
    DateOnly? OutcomeDate,
    string? OutcomeDateText,
    string? StaffInitials,
    string? Notes,
    string? Reason,
    int? Priority,
    string? FormulaIn = null)
{
    /// <summary>Nothing recorded on the row: no outcome, date or initials (notes alone do not count).</summary>
    public bool IsBlank => Outcome is null && OutcomeDateText is null && StaffInitials is null && FormulaIn is null;

    /// <summary>Reads a row from its cells, each with its shared string already looked up; <paramref name="cellOf"/> gives null for a column the sheet lacks.</summary>
    public static WorkedListRow From(int rowNumber, Func<string, SheetCell?> cellOf)
    {
        string? Text(string header) => cellOf(header) is { } cell ? Blank(cell.Text) : null;

        int? priority = Text(OutreachListLayout.Priority) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? (int)Math.Round(number)
            : null;
        var (date, dateText) = ReadDate(cellOf(OutreachListLayout.OutcomeDate));
        return new WorkedListRow(
            rowNumber,
            Text(OutreachListLayout.RowKey),
            Text(OutreachListLayout.Outcome),
            date,
            dateText,
            Text(OutreachListLayout.StaffInitials),
            Text(OutreachListLayout.Notes),
            Text(OutreachListLayout.Reason),
            priority,
            new[] { OutreachListLayout.RowKey }.Concat(OutreachListLayout.FillInColumns).FirstOrDefault(header => cellOf(header) is { HasFormula: true }));
    }

    /// <summary>A date typed as a date (a serial number, as spreadsheets keep dates), or yyyy-mm-dd text.</summary>
    private static (DateOnly? Date, string? Text) ReadDate(SheetCell? cell)
    {
        var text = Blank(cell?.Text);
        if (text is null)
        {
            return (null, null);
        }

        if (cell!.Value.Kind == SheetCellKind.Number)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466
                ? (DateOnly.FromDateTime(DateTime.FromOADate(serial)), DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                : (null, text);
        }

        var datePart = text.Length > 10 && text[10] is ' ' or 'T' ? text[..10] : text;
        return DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? (parsed, text)
            : (null, text);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
