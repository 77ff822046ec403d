namespace PhysicalTheraPT.Analytics.Tests.Reports;

/// <summary>A cell as stored in the file: text or number (never both), its number format and fill colour.</summary>
internal sealed record CellContent(string? Text, double? Number, string? NumberFormat, string? FillRgb, bool Italic)
{
    public bool IsNumber => Number is not null;
}
