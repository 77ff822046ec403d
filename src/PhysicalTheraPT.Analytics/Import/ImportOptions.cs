namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// How <c>ptanalytics import</c> reads a clinic's EMR export. Bound from the <c>Import</c> section.
/// </summary>
internal sealed class ImportOptions
{
    /// <summary>
    /// An EMR's own service names (matched ignoring case and surrounding spaces) mapped to one of the three
    /// services of the data contract: <c>pt</c>, <c>recovery_massage</c>, <c>maintenance_massage</c>, e.g.
    /// <c>"Import": { "ServiceNames": { "Deep Tissue 60": "maintenance_massage" } }</c>. The three contract
    /// names always map to themselves. Default: empty.
    /// </summary>
    public Dictionary<string, string> ServiceNames { get; set; } = [];

    /// <summary>
    /// Rows sent to the database per batch. Default 1000: large enough that a round trip per batch costs
    /// nothing next to the rows, small enough that a batch in memory stays a few hundred kilobytes.
    /// </summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// SQLite page cache, in megabytes, while an import writes. Default 32: a million appointments import
    /// in about a quarter less time than with SQLite's 2 MB default, and the cache stays this size however
    /// large the file.
    /// </summary>
    public int SqliteCacheMegabytes { get; set; } = 32;

    /// <summary>
    /// Errors listed in full when an import is refused; the rest are counted ("and N more"). Default 50: a
    /// screenful that shows the pattern of a bad export without burying it.
    /// </summary>
    public int MaxErrorsListed { get; set; } = 50;
}
