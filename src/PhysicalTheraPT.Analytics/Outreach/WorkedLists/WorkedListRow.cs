namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// One row of a worked outreach list as read from the file, before any check: the cells front desk
/// filled in, the hidden key, and the row's reason and priority (used only if the queue never saw the
/// patient). Text cells are trimmed; blank cells are null.
/// </summary>
/// <param name="RowNumber">The spreadsheet row number, for messages.</param>
/// <param name="OutcomeDate">The outcome date when the cell holds a date (typed as a date, or as yyyy-mm-dd text).</param>
/// <param name="OutcomeDateText">What the outcome date cell shows, for messages; null when blank.</param>
internal sealed record WorkedListRow(
    int RowNumber,
    string? Key,
    string? Outcome,
    DateOnly? OutcomeDate,
    string? OutcomeDateText,
    string? StaffInitials,
    string? Notes,
    string? Reason,
    int? Priority)
{
    /// <summary>Nothing recorded on the row: no outcome, date or initials (notes alone do not count).</summary>
    public bool IsBlank => Outcome is null && OutcomeDateText is null && StaffInitials is null;
}
