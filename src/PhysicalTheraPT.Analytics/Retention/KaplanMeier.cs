namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// The Kaplan–Meier estimate of the share still free of the event over whole-day times, with Greenwood's
/// variance and the 95% interval on the log(−log) scale (Kalbfleisch and Prentice; R's
/// <c>conf.type = "log-log"</c>). Input is counted per day, so memory grows with the days followed,
/// never with the patients.
/// </summary>
internal static class KaplanMeier
{
    /// <summary>
    /// The curve of one group. <paramref name="events"/>[t] and <paramref name="censored"/>[t] count the
    /// patients whose event, or censoring, fell on day t. A patient censored on day t is still at risk
    /// for the events of day t (the usual convention: censoring happens after the day's events).
    /// </summary>
    public static SurvivalCurve Estimate(IReadOnlyList<int> events, IReadOnlyList<int> censored, double z = NormalDistribution.Z95)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(censored);
        if (events.Count != censored.Count)
        {
            throw new ArgumentException("Events and censorings must be counted over the same days.", nameof(censored));
        }

        var atRisk = 0;
        for (var t = 0; t < events.Count; t++)
        {
            atRisk += events[t] + censored[t];
        }

        var steps = new List<SurvivalStep>();
        var survival = 1.0;
        var greenwood = 0.0;
        var size = atRisk;
        for (var t = 0; t < events.Count; t++)
        {
            var died = events[t];
            if (died > 0)
            {
                survival *= 1 - (double)died / atRisk;
                greenwood = died == atRisk ? double.PositiveInfinity : greenwood + (double)died / ((double)atRisk * (atRisk - died));
                steps.Add(new SurvivalStep(t, atRisk, died, survival, greenwood, LogLogInterval(survival, greenwood, z)));
            }

            atRisk -= died + censored[t];
        }

        return new SurvivalCurve(size, events.Count - 1, steps);
    }

    /// <summary>
    /// S^exp(±z·σ) with σ² = Greenwood's sum ÷ (log S)²: the interval for log(−log S) carried back.
    /// Null where S is 0 or 1 (log(−log S) is not defined there).
    /// </summary>
    private static RateInterval? LogLogInterval(double survival, double greenwood, double z)
    {
        if (survival <= 0 || survival >= 1 || double.IsInfinity(greenwood))
        {
            return null;
        }

        var log = Math.Log(survival);
        var sigma = Math.Sqrt(greenwood) / Math.Abs(log);
        return new RateInterval(Math.Pow(survival, Math.Exp(z * sigma)), Math.Pow(survival, Math.Exp(-z * sigma)));
    }
}

/// <summary>
/// A Kaplan–Meier curve: <see cref="Size"/> patients followed for up to <see cref="LastDay"/> days, and
/// one step per day with at least one event.
/// </summary>
internal sealed record SurvivalCurve(int Size, int LastDay, IReadOnlyList<SurvivalStep> Steps)
{
    /// <summary>S(day): carried forward from the last event day at or before it (1 before the first event).</summary>
    public SurvivalStep? StepAt(int day)
    {
        SurvivalStep? last = null;
        foreach (var step in Steps)
        {
            if (step.Day > day)
            {
                break;
            }

            last = step;
        }

        return last;
    }

    /// <summary>S(day); 1 before the first event; null for an empty group.</summary>
    public double? SurvivalAt(int day) => Size == 0 ? null : StepAt(day)?.Survival ?? 1.0;

    /// <summary>The 95% interval of S(day); null for an empty group, before the first event, or where S is 0.</summary>
    public RateInterval? IntervalAt(int day) => Size == 0 ? null : StepAt(day)?.Interval;
}

/// <summary>
/// The curve on a day with events: at risk that morning, events that day, S after them, Greenwood's sum
/// Σ d/(n(n−d)) so far, and the 95% log(−log) interval of S (null where S is 0 or 1).
/// </summary>
internal sealed record SurvivalStep(int Day, int AtRisk, int Events, double Survival, double GreenwoodSum, RateInterval? Interval);
