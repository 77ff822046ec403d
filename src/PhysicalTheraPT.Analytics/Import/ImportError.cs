namespace PhysicalTheraPT.Analytics.Import;

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
