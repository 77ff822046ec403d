namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// One reason a row cannot be imported: where (file, physical line, column), the value, and why.
/// <see cref="Value"/> is null when the column holds personal data (names, birth date, phone, email),
/// so the message can go to a console or a log.
/// </summary>
internal sealed record ImportError(string FileName, int Line, string Column, string? Value, string Reason)
{
    /// <summary><c>file:line, column, value, reason</c>.</summary>
    public override string ToString()
    {
        var value = Value switch
        {
            null => "(value hidden: personal data)",
            "" => "(blank)",
            _ => $"'{Value}'",
        };
        return $"{FileName}:{Line}, {Column}, {value}, {Reason}";
    }
}
