namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// One pass over every patient's history serving flags and the monthly numbers for all clinics: each
/// history is evaluated once, its flag handed back to the caller (to write out, not collected here) and
/// its numbers added to the metrics.
/// </summary>
internal sealed class RetentionRun
{
    private readonly PatientEvaluator evaluator;
    private readonly RetentionMetricsBuilder metrics;

    /// <param name="asOf">D; for monthly numbers usually the day after <paramref name="month"/> (<see cref="CalendarMonth.DayAfter"/>).</param>
    /// <param name="month">The report month M.</param>
    /// <param name="clinicIds">Every clinic, active or not.</param>
    /// <param name="providerNames">Provider id → name for the reasons.</param>
    public RetentionRun(
        RetentionOptions options,
        DateOnly asOf,
        CalendarMonth month,
        IEnumerable<string> clinicIds,
        IReadOnlyDictionary<string, string>? providerNames = null)
    {
        evaluator = new PatientEvaluator(options, providerNames);
        metrics = new RetentionMetricsBuilder(options, asOf, month, clinicIds);
    }

    public DateOnly AsOf => metrics.AsOf;

    /// <summary>Evaluates one patient, adds them to the numbers and returns their flag (or null).</summary>
    public PatientFlag? Add(PatientHistory history)
    {
        var evaluation = evaluator.Evaluate(history, metrics.AsOf);
        metrics.Add(evaluation);
        return evaluation.Flag;
    }

    /// <summary>As <see cref="Add"/>, returning the flag without its texts (or null); the texts are never written.</summary>
    public FlaggedPatient? AddFlagged(PatientHistory history)
    {
        var evaluation = evaluator.Evaluate(history, metrics.AsOf, writeFlagTexts: false);
        metrics.Add(evaluation);
        return evaluation.Flagged;
    }

    public RetentionMetrics Build() => metrics.Build();
}
