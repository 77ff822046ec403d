using System.Globalization;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Turns month-to-month changes into the plain sentences at the top of the Summary sheet, e.g.
/// "Conversion within 28 days fell from 41% to 33% at Eastside." Only changes above the thresholds in
/// <see cref="ReportsOptions"/> are told, the report's own scope first, then the largest changes. A rate
/// is said to rise or fall only when the two-proportion test gives p below Reports:ChangeSignificance;
/// otherwise the sentence says there is no clear change, so noise is never called a trend.
/// </summary>
internal sealed class WhatChangedWriter(ReportsOptions options)
{
    /// <param name="month">The report month: a change from the month before it needs no month names.</param>
    public IReadOnlyList<string> Write(CalendarMonth month, IEnumerable<MetricChange> changes)
    {
        var notable = changes
            .Select(change => (Change: change, Score: Score(change)))
            .Where(entry => entry.Score >= 1)
            .OrderBy(entry => entry.Change.Place is null ? 0 : 1)
            .ThenBy(entry => IsNoise(entry.Change) ? 1 : 0)
            .ThenByDescending(entry => entry.Score)
            .ThenBy(entry => entry.Change.Place, StringComparer.Ordinal)
            .ThenBy(entry => entry.Change.Measure, StringComparer.Ordinal)
            .Take(options.MaxWhatChangedSentences)
            .Select(entry => Sentence(month, entry.Change))
            .ToList();

        if (notable.Count == 0)
        {
            notable.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"No number moved by {options.NotableRateChangePoints:0.#} percentage points or {options.NotableCountChangePercent:0.#}% or more since the month before."));
        }

        return notable;
    }

    /// <summary>How many thresholds' worth the change is: 1 or more is worth a sentence.</summary>
    private double Score(MetricChange change)
    {
        var difference = Math.Abs(change.After - change.Before);
        switch (change.Unit)
        {
            case ValueUnit.Rate:
                return difference * 100 / options.NotableRateChangePoints;
            case ValueUnit.Decimal:
                return difference / options.NotableMedianChange;
            default:
                if (difference < options.NotableCountChangeMinimum)
                {
                    return 0;
                }

                // From zero any rise above the minimum is news; otherwise relative to where it was.
                return change.Before == 0 ? difference / options.NotableCountChangeMinimum : difference * 100 / change.Before / options.NotableCountChangePercent;
        }
    }

    /// <summary>A rate that moved by no more than chance would explain (p at or above Reports:ChangeSignificance).</summary>
    private bool IsNoise(MetricChange change) =>
        change.Unit == ValueUnit.Rate && !ConversionChange.IsClear(change.ChangeP, options.ChangeSignificance);

    private string Sentence(CalendarMonth month, MetricChange change)
    {
        var place = change.Place is null ? "" : " at " + change.Place;
        if (IsNoise(change))
        {
            var p = change.ChangeP is { } value ? "; p = " + value.ToString("0.00", CultureInfo.InvariantCulture) : "";
            return $"{change.Measure}: {ConversionChange.NoClearChange}, {Format(change.Unit, change.Before)} then {Format(change.Unit, change.After)}{place} "
                + $"(patients who finished acute care in {change.BeforeMonth.ShortLabel} and {change.AfterMonth.ShortLabel}{p}).";
        }

        var verb = change.After > change.Before ? "rose" : "fell";
        var months = change.Unit == ValueUnit.Rate
            ? $" (patients who finished acute care in {change.AfterMonth.ShortLabel} compared with {change.BeforeMonth.ShortLabel})"
            : change.AfterMonth == month && change.BeforeMonth == month.AddMonths(-1)
                ? ""
                : $" ({change.AfterMonth.ShortLabel} compared with {change.BeforeMonth.ShortLabel})";
        return $"{change.Measure} {verb} from {Format(change.Unit, change.Before)} to {Format(change.Unit, change.After)}{place}{months}.";
    }

    internal static string Format(ValueUnit unit, double value) => unit switch
    {
        ValueUnit.Rate => (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
        ValueUnit.Decimal => value.ToString("0.#", CultureInfo.InvariantCulture),
        _ => value.ToString("#,##0", CultureInfo.InvariantCulture),
    };
}
