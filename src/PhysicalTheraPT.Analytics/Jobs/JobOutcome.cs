namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>What one run of a job produced: files written (full paths), rows written, and a summary.</summary>
public sealed record JobOutcome(IReadOnlyList<string> FilesWritten, int RowsWritten, string Summary);
