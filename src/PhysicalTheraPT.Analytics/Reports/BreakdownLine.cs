namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// One line of a breakdown (a clinic, a provider, a body region, a referral source, an end type):
/// acute completions and their conversion per window. <see cref="Detail"/> is an optional second
/// column (the clinic id beside a clinic name, the clinic beside a provider).
/// </summary>
public sealed record BreakdownLine(string Name, string? Detail, int Completions, IReadOnlyList<ConversionCell> Conversions)
{
    public ConversionCell? Conversion(int windowDays) => Conversions.FirstOrDefault(cell => cell.WindowDays == windowDays);
}
