namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// The distinct day windows the metrics check conversion for (conversion, cohort and recurrence
/// windows together), so each completion is checked once per distinct window.
/// </summary>
internal sealed class MetricsWindows
{
    public MetricsWindows(RetentionOptions options)
    {
        All = [.. options.ConversionWindowsDays.Concat(options.CohortWindowsDays).Append(options.RecurrenceConvertedWithinDays).Distinct().Order()];
        Conversion = [.. options.ConversionWindowsDays.Select(w => Array.IndexOf(All, w))];
        Cohort = [.. options.CohortWindowsDays.Select(w => Array.IndexOf(All, w))];
        Recurrence = Array.IndexOf(All, options.RecurrenceConvertedWithinDays);
    }

    /// <summary>Distinct windows in days, ascending.</summary>
    public int[] All { get; }

    /// <summary>Index into <see cref="All"/> of each conversion window, in configured order.</summary>
    public int[] Conversion { get; }

    /// <summary>Index into <see cref="All"/> of each cohort window, in configured order.</summary>
    public int[] Cohort { get; }

    /// <summary>Index into <see cref="All"/> of the recurrence split window.</summary>
    public int Recurrence { get; }
}
