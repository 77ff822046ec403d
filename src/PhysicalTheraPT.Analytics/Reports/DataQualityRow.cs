namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// One kind of oddity found in the data (stale bookings, unknown references, visits after a discharge):
/// how often, and a few appointment or episode ids to look up. Ids only, never names.
/// </summary>
public sealed record DataQualityRow(string Kind, string Description, int Count, IReadOnlyList<string> ExampleIds);
