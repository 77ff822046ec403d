namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// What a seed did to one table or file: rows generated, how many of them were new or changed (null for
/// CSV files, which are rewritten whole), and rows an earlier seed left behind that were removed.
/// </summary>
internal sealed record SeedTableResult(string Table, long Rows, long? NewOrChanged, long Removed);
