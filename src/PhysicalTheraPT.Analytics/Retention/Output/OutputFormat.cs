namespace PhysicalTheraPT.Analytics.Retention.Output;

/// <summary>The machine-readable formats of the flags and metrics tables.</summary>
public enum OutputFormat
{
    /// <summary>RFC 4180 CSV with a header row, invariant culture, <c>\n</c> line ends.</summary>
    Csv,

    /// <summary>A JSON array of objects with the CSV's column names.</summary>
    Json,
}
