namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>What a seed did to one table so far: rows generated, new or changed, removed as left over.</summary>
internal sealed class SeedTableCounter(string table)
{
    public long Rows { get; private set; }

    public long NewOrChanged { get; private set; }

    public long Removed { get; set; }

    public void Add(int rows, int newOrChanged)
    {
        Rows += rows;
        NewOrChanged += newOrChanged;
    }

    public SeedTableResult ToResult() => new(table, Rows, NewOrChanged, Removed);
}
