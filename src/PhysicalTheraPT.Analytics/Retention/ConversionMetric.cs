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
}
