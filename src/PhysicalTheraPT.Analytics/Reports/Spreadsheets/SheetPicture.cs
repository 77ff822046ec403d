namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>
/// A PNG to place on a sheet with its top-left corner at a cell (0-based column and row) and shown at
/// <see cref="DisplayWidth"/> × <see cref="DisplayHeight"/> pixels. <see cref="Description"/> is the
/// alternative text screen readers read.
/// </summary>
internal sealed record SheetPicture(string SheetName, string Name, string Description, byte[] Png, int Column, int Row, int DisplayWidth, int DisplayHeight);
