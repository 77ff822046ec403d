namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>What a cell holds, which decides how it is stored (number or text) and formatted.</summary>
internal enum ReportCellKind
{
    Blank,
    Text,
    Count,
    Rate,
    Decimal,

    /// <summary>A number shown as it is (settings such as 1.5 or 365).</summary>
    Number,
    Date,
    Month,

    /// <summary>A rate whose window is still open: the word "maturing" in the neutral style, never a number.</summary>
    Maturing,
}
