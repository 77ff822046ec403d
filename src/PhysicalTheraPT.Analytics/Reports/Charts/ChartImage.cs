namespace PhysicalTheraPT.Analytics.Reports.Charts;

/// <summary>
/// A rendered chart: <see cref="Key"/> names its file (<c>retention-2026-03-conversion-trend.png</c>),
/// <see cref="Title"/> is also the picture's alternative text in the workbook.
/// </summary>
public sealed record ChartImage(string Key, string Title, byte[] Png, int Width, int Height);
