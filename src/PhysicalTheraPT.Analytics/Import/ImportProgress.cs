namespace PhysicalTheraPT.Analytics.Import;

/// <summary>How far the import has read into one file.</summary>
internal readonly record struct ImportProgress(string FileName, int RowsRead, bool FileDone);
