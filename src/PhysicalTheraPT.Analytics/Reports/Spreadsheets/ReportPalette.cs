namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>
/// The colours of every workbook and chart, defined once so a sheet and the chart beside it speak the
/// same colour language. Calm, print-friendly tones; grey always means "not final yet" (maturing,
/// provisional), never "bad".
/// </summary>
internal static class ReportPalette
{
    public const string Title = "#1F3864";

    public const string Subtle = "#595959";

    /// <summary>Fill of cells whose number is not final yet (maturing windows, provisional months).</summary>
    public const string NotFinalFill = "#EDEDED";

    public const string NotFinalText = "#7F7F7F";

    /// <summary>Fill of the cells front desk fills in on an outreach list.</summary>
    public const string FillInFill = "#FFF8E1";

    /// <summary>Heat map of matured conversion rates: lowest, middle (median), highest.</summary>
    public const string HeatLow = "#F8CBAD";

    public const string HeatMiddle = "#FFF2CC";

    public const string HeatHigh = "#C6E0B4";

    /// <summary>One colour per conversion window, in window order (28, 60, 90, 180 days).</summary>
    public static IReadOnlyList<string> Windows { get; } = ["#2F5597", "#548235", "#C55A11", "#7F6084"];

    /// <summary>Colours of categories (end types, clinics), in order.</summary>
    public static IReadOnlyList<string> Categories { get; } = ["#4472C4", "#70AD47", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#264478", "#9E480E"];

    /// <summary>The plot area's grid and axis lines.</summary>
    public const string Grid = "#D9D9D9";

    public static string Window(int index) => Windows[index % Windows.Count];

    public static string Category(int index) => Categories[index % Categories.Count];
}
