namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>The outcome of a seed: where the history went and what each table or file received.</summary>
internal sealed record SeedResult(string Destination, IReadOnlyList<SeedTableResult> Tables)
{
    public long RowsOf(string table) => Tables.Single(result => result.Table == table).Rows;

    public long NewOrChanged => Tables.Sum(result => result.NewOrChanged ?? 0);

    public long Removed => Tables.Sum(result => result.Removed);
}

/// <summary>How far a seed has come: patients generated of the total, and their appointments so far.</summary>
internal readonly record struct SeedProgress(int PatientsDone, int PatientsTotal, long Appointments);

/// <summary>
/// What a seed did to one table or file: rows generated, how many of them were new or changed (null for
/// CSV files, which are rewritten whole), and rows an earlier seed left behind that were removed.
/// </summary>
internal sealed record SeedTableResult(string Table, long Rows, long? NewOrChanged, long Removed);

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
