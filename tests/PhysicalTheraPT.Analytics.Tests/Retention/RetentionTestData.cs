using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Retention;

/// <summary>Shared arrangements for the retention tests.</summary>
internal static class RetentionTestData
{
    public static readonly Dictionary<string, string> ProviderNames = new(StringComparer.Ordinal)
    {
        ["pr1"] = "Dana Ruiz",
        ["pr2"] = "Sam Okafor",
    };

    public static PatientEvaluation Evaluate(PatientHistory history, RetentionOptions? options = null, DateOnly? asOf = null) =>
        new PatientEvaluator(options ?? new RetentionOptions(), ProviderNames).Evaluate(history, asOf ?? PatientHistoryBuilder.AsOf);

    public static PatientFlag? FlagOf(PatientHistoryBuilder builder, RetentionOptions? options = null) =>
        Evaluate(builder.Build(), options).Flag;

    /// <summary>Metrics of the given patients for a month, as of its default date (the day after) unless given.</summary>
    public static RetentionMetrics MetricsOf(CalendarMonth month, DateOnly? asOf, params PatientHistoryBuilder[] patients)
    {
        var run = new RetentionRun(new RetentionOptions(), asOf ?? month.DayAfter, month, ["c1", "c2", "c3"], ProviderNames);
        foreach (var patient in patients)
        {
            run.Add(patient.Build());
        }

        return run.Build();
    }
}
