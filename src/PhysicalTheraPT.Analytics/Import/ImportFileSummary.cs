namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// What an import did with one file: rows read, rows new or changed in the database, rows already there
/// as they are, rows rejected. When the import was refused nothing is written, so both write counts are 0.
/// </summary>
internal sealed record ImportFileSummary(string FileName, int Read, int NewOrChanged, int Unchanged, int Rejected);
