namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>
/// What decides a report cell's look within its column: its number format and whether it is shown as
/// not final. Two cells of one column with the same key get the same style, so a streamed row can take
/// its style from a template cell of the same key.
/// </summary>
internal readonly record struct CellStyleKey(string? NumberFormat, bool NotFinal)
{
    public static CellStyleKey Of(ReportCell cell) => new(NumberFormats.For(cell.Kind), cell.NotFinal);
}
