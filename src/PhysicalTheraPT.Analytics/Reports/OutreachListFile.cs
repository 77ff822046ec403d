namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// An outreach list written to disk: its path, how many patients it lists, and how many do-not-contact
/// patients were left out (counts only, so it can be logged).
/// </summary>
public sealed record OutreachListFile(string Path, int RowsWritten, int DoNotContactSkipped);
