namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>The outcome of a seed: where the history went and what each table or file received.</summary>
internal sealed record SeedResult(string Destination, IReadOnlyList<SeedTableResult> Tables)
{
    public long RowsOf(string table) => Tables.Single(result => result.Table == table).Rows;

    public long NewOrChanged => Tables.Sum(result => result.NewOrChanged ?? 0);

    public long Removed => Tables.Sum(result => result.Removed);
}
