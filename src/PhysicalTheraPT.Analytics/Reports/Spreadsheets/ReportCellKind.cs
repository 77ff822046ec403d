namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>What a cell holds, which decides how it is stored (number or text) and formatted.</summary>
internal enum ReportCellKind
{
    Blank,
    Text,
    Count,
    Rate,
    Decimal,
    Date,
    Month,

    /// <summary>A rate whose window is still open: the word "maturing" in the neutral style, never a number.</summary>
    Maturing,
}
