namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Conversion to maintenance within <paramref name="WindowDays"/> of the acute end, for the completions
/// of one month. A cohort whose window is still open is <paramref name="Maturing"/>: its rate is not
/// known yet, so <see cref="Rate"/> is null rather than a misleadingly low number.
/// </summary>
/// <param name="Completions">Acute completions of the month.</param>
/// <param name="Converted">Of those, how many had a maintenance visit dated in [E, E + WindowDays].</param>
/// <param name="Maturing">True while the last day of the month + WindowDays is on or after the as-of date.</param>
internal sealed record ConversionMetric(int WindowDays, int Completions, int Converted, bool Maturing)
{
    /// <summary>Converted ÷ completions (0-1); null while maturing or when there are no completions.</summary>
    public double? Rate => Maturing || Completions == 0 ? null : (double)Converted / Completions;

    /// <summary>The 95% Wilson interval of <see cref="Rate"/>; null where the rate is.</summary>
    public RateInterval? Interval => Rate is null ? null : Proportions.Wilson(Converted, Completions);

    /// <summary>
    /// Two-sided p of the pooled two-proportion z-test between the cohort of the month before and this
    /// one (both as of the same date); null when either is maturing or empty, or both rates are 0 or 1.
    /// </summary>
    public static double? ChangeP(ConversionMetric? before, ConversionMetric now) =>
        before is null || before.Rate is null || now.Rate is null
            ? null
            : Proportions.TwoProportionP(before.Converted, before.Completions, now.Converted, now.Completions);
}
