namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Completions and conversion of one month for one value of a dimension.
/// </summary>
/// <param name="Key">Clinic id, provider id, body region, referral source or end type name; null when not recorded (e.g. an implicit episode's body region).</param>
/// <param name="Conversion">One entry per conversion window (Retention:ConversionWindowsDays).</param>
public sealed record BreakdownRow(BreakdownDimension Dimension, string? Key, int Completions, IReadOnlyList<ConversionMetric> Conversion);
