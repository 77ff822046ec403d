namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>What completions and conversion are broken down by.</summary>
public enum BreakdownDimension : byte
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
