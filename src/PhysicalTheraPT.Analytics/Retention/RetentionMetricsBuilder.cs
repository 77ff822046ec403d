namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Accumulates the monthly numbers over a stream of patient evaluations, for all clinics and every
/// clinic at once. Memory grows with clinics × months × categories, never with patients: it keeps
/// counters and visit-count histograms, not episodes.
/// </summary>
public sealed class RetentionMetricsBuilder
{
    /// <param name="asOf">D: every evaluation added must be as of this date.</param>
    /// <param name="month">The report month M; the trend covers Retention:CohortMonths months ending at M.</param>
    /// <param name="clinicIds">Every clinic, so clinics without activity still get their block of numbers.</param>
    public RetentionMetricsBuilder(RetentionOptions options, DateOnly asOf, CalendarMonth month, IEnumerable<string> clinicIds)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clinicIds);
        options.Validate();
        AsOf = asOf;
        Month = month;
    }

    public DateOnly AsOf { get; }

    public CalendarMonth Month { get; }

    /// <summary>Counts one patient. The evaluation must be as of <see cref="AsOf"/>; nothing of it is kept.</summary>
    public void Add(PatientEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        throw new NotImplementedException();
    }

    /// <summary>The numbers so far. The builder can keep accumulating afterwards.</summary>
    public RetentionMetrics Build() => throw new NotImplementedException();
}
