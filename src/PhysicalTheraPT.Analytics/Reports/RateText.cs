using System.Globalization;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// How a rate's uncertainty reads in the workbook: "31.7% (24–41%)", "few patients" under the threshold,
/// and whether a clinic or provider lies above or below the group.
/// </summary>
internal static class RateText
{
    public const string FewPatients = "few patients";

    public const string AboveGroup = "above the group";

    public const string BelowGroup = "below the group";

    public const string InLineWithGroup = "in line with the group";

    /// <summary>" (24–41%)", " (24–41%, few patients)"; null with neither.</summary>
    public static string? IntervalSuffix(RateInterval? interval, bool fewPatients) => (interval, fewPatients) switch
    {
        ({ } i, false) => " (" + Interval(i) + ")",
        ({ } i, true) => " (" + Interval(i) + ", " + FewPatients + ")",
        (null, true) => " (" + FewPatients + ")",
        _ => null,
    };

    /// <summary>"24–41%": whole percentages.</summary>
    public static string Interval(RateInterval interval) =>
        Percent(interval.Low) + "–" + Percent(interval.High) + "%";

    /// <summary>"31.7% (24–41%)" as one piece of text, for sentences and chart labels.</summary>
    public static string WithInterval(double rate, RateInterval? interval) =>
        (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" + (interval is { } i ? " (" + Interval(i) + ")" : "");

    /// <summary>Above or below only when the whole interval lies on one side of the group's rate.</summary>
    public static string ComparedWithGroup(RateInterval? interval, double? groupRate) => (interval, groupRate) switch
    {
        ({ } i, { } group) when i.IsAbove(group) => AboveGroup,
        ({ } i, { } group) when i.IsBelow(group) => BelowGroup,
        ({ }, { }) => InLineWithGroup,
        _ => "",
    };

    private static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture);
}
