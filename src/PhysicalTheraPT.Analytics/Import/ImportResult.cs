namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// The outcome of an import. <see cref="Committed"/> is false when a bad row refused the whole import
/// (nothing was written); <see cref="Errors"/> lists the first problems (file, line, column, value,
/// reason) and <see cref="ErrorCount"/> counts all of them. <see cref="RejectsPath"/> is the rejects file
/// written under <c>--skip-invalid</c>, if any.
/// </summary>
internal sealed record ImportResult(
    IReadOnlyList<ImportFileSummary> Files,
    IReadOnlyList<ImportError> Errors,
    int ErrorCount,
    bool Committed,
    string? RejectsPath)
{
    public int ErrorsNotListed => ErrorCount - Errors.Count;

    public int RowsRejected => Files.Sum(file => file.Rejected);

    public int RowsNewOrChanged => Files.Sum(file => file.NewOrChanged);
}

/// <summary>
/// What to import: the folder holding the contract files; whether to import the valid rows and set the
/// others aside (<paramref name="SkipInvalid"/>) instead of refusing the whole import; and where the
/// rejected rows go (default <c>&lt;Directory&gt;/rejects-&lt;yyyyMMdd-HHmmss&gt;.csv</c>).
/// </summary>
internal sealed record ImportRequest(string Directory, bool SkipInvalid = false, string? RejectsPath = null);

/// <summary>How far the import has read into one file.</summary>
internal readonly record struct ImportProgress(string FileName, int RowsRead, bool FileDone);

/// <summary>
/// What an import did with one file: rows read, rows new or changed in the database, rows already there
/// as they are, rows rejected. When the import was refused nothing is written, so both write counts are 0.
/// </summary>
internal sealed record ImportFileSummary(string FileName, int Read, int NewOrChanged, int Unchanged, int Rejected);

/// <summary>
/// One reason a row cannot be imported: where (file, physical line, column) and what is expected. It never
/// holds a value from the file: with columns swapped or shifted, any column can hold a name, a phone number
/// or an email address, and this message goes to a console, a log or a ticket. The row itself, when it is
/// kept, goes only to the owner-only rejects file.
/// </summary>
internal sealed record ImportError(string FileName, int Line, string Column, string Reason)
{
    /// <summary>The <see cref="Column"/> of a problem with the row as a whole (quoting, field count, encoding).</summary>
    public const string WholeRow = "(row)";

    /// <summary><c>file:line, column reason</c>, e.g. <c>patients.csv:7, do_not_contact is not true or false …</c>.</summary>
    public override string ToString() => Column == WholeRow
        ? $"{FileName}:{Line}, {Reason}"
        : $"{FileName}:{Line}, {Column} {Reason}";
}
