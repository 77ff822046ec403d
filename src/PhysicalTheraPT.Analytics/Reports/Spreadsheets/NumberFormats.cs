namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>The number formats of every workbook: one per kind of value, so a rate always looks like a rate.</summary>
internal static class NumberFormats
{
    public const string Count = "#,##0";

    public const string Rate = "0.0%";

    public const string Decimal = "0.0";

    public const string Number = "General";

    /// <summary>ISO dates: unambiguous whichever country the reader is in.</summary>
    public const string Date = "yyyy-mm-dd";

    /// <summary>"Mar 26", as on the chart axes.</summary>
    public const string Month = "mmm yy";

    public static string? For(ReportCellKind kind) => kind switch
    {
        ReportCellKind.Count => Count,
        ReportCellKind.Rate => Rate,
        ReportCellKind.Decimal => Decimal,
        ReportCellKind.Number => Number,
        ReportCellKind.Date => Date,
        ReportCellKind.Month => Month,
        _ => null,
    };
}
