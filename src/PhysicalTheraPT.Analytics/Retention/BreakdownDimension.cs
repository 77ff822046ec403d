namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>What completions and conversion are broken down by.</summary>
internal enum BreakdownDimension : byte
{
    /// <summary>The episode's clinic (implicit episodes: the clinic of the last visit).</summary>
    Clinic,

    /// <summary>The provider of the episode's last completed acute visit.</summary>
    DischargingProvider,

    /// <summary>The recorded episode's body_region.</summary>
    BodyRegion,

    /// <summary>The recorded episode's referral_source.</summary>
    ReferralSource,

    /// <summary>The end type (contract name).</summary>
    EndType,
}

/// <summary>
/// Completions and conversion of one month for one value of a dimension.
/// </summary>
/// <param name="Key">Clinic id, provider id, body region, referral source or end type name; null when not recorded (e.g. an implicit episode's body region).</param>
/// <param name="Conversion">One entry per conversion window (Retention:ConversionWindowsDays).</param>
internal sealed record BreakdownRow(BreakdownDimension Dimension, string? Key, int Completions, IReadOnlyList<ConversionMetric> Conversion);

/// <summary>Completions and converted counts (per window of <see cref="MetricsWindows.All"/>) for one breakdown value.</summary>
internal sealed class BreakdownCell(int windowCount)
{
    public int Completions;
    public readonly int[] Converted = new int[windowCount];
}
