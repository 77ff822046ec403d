namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// One cell as the worksheet part holds it, before shared strings are looked up: a shared string's
/// index, an inline text, or a number as written; and whether a formula computes it.
/// </summary>
internal readonly record struct SheetCell(SheetCellKind Kind, string? Text, int SharedIndex, bool HasFormula)
{
    public static readonly SheetCell Empty = new(SheetCellKind.Empty, null, -1, false);
}

internal enum SheetCellKind
{
    Empty,
    SharedString,
    Text,
    Number,
}
