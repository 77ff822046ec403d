namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Conversion to maintenance for one group of acute completions and one window (28, 60, 90 or 180
/// days): how many completed, how many had a maintenance visit within the window, and the rate.
/// <see cref="Rate"/> is null while the window is still open (<see cref="Maturing"/>) and when nothing
/// completed, so a young cohort is never shown as a low rate. <see cref="Converted"/> while maturing is
/// the count so far.
/// </summary>
public sealed record ConversionCell(int WindowDays, int Completions, int Converted, double? Rate, bool Maturing)
{
    /// <summary>Converted so far as a fraction, also while maturing (charts draw it as "so far").</summary>
    public double? RateSoFar => Completions == 0 ? null : (double)Converted / Completions;

    /// <summary>A finished window: the rate is known (or null when nothing completed).</summary>
    public static ConversionCell Matured(int windowDays, int completions, int converted) =>
        new(windowDays, completions, converted, completions == 0 ? null : (double)converted / completions, Maturing: false);

    /// <summary>A window still open: no rate yet; <paramref name="convertedSoFar"/> may still grow.</summary>
    public static ConversionCell Open(int windowDays, int completions, int convertedSoFar) =>
        new(windowDays, completions, convertedSoFar, Rate: null, Maturing: true);
}
