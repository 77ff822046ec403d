using System.Globalization;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// The breakdowns (clinic, discharging provider, body region, referral source, end type) over every trend
/// month, not the report month alone: as of the day after the month every conversion window of the month
/// itself is still open, so its breakdowns would show nothing but "maturing". Completions add up over all
/// the months; conversion within a window adds up over the months whose window has closed, so a rate is
/// never pulled down by patients who still have time to convert.
/// </summary>
internal static class BreakdownTotals
{
    public static ReportBreakdowns Of(IReadOnlyList<MonthMetrics> months, IReadOnlyList<int> windows, ClinicDirectory directory)
    {
        var closed = ClosedByWindow(months, windows);
        var totals = new Dictionary<(BreakdownDimension Dimension, string? Key), Total>();
        var order = new List<(BreakdownDimension Dimension, string? Key)>();
        for (var index = 0; index < months.Count; index++)
        {
            foreach (var row in months[index].Breakdowns)
            {
                if (!totals.TryGetValue((row.Dimension, row.Key), out var total))
                {
                    total = new Total(windows.Count);
                    totals[(row.Dimension, row.Key)] = total;
                    order.Add((row.Dimension, row.Key));
                }

                total.Add(row, windows, closed, index);
            }
        }

        BreakdownLine Line(BreakdownDimension dimension, string? key, string name, string? detail)
        {
            var total = totals[(dimension, key)];
            return new BreakdownLine(name, detail, total.Completions, [.. windows.Select((window, w) => total.Cell(window, w, closed[w].Any(isClosed => isClosed)))]);
        }

        IEnumerable<(BreakdownDimension Dimension, string? Key)> KeysOf(BreakdownDimension dimension) =>
            order.Where(entry => entry.Dimension == dimension)
                .OrderBy(entry => entry.Key is null)
                .ThenBy(entry => entry.Key, StringComparer.Ordinal);

        var first = months[0].Month;
        var last = months[^1].Month;
        return new ReportBreakdowns(
            first,
            last,
            [.. KeysOf(BreakdownDimension.Clinic).Select(entry => Line(entry.Dimension, entry.Key, NameOfClinic(directory, entry.Key), entry.Key))],
            [.. KeysOf(BreakdownDimension.DischargingProvider).Select(entry => Line(entry.Dimension, entry.Key, directory.ProviderNameOrId(entry.Key) ?? "", ClinicOfProvider(directory, entry.Key)))],
            [.. KeysOf(BreakdownDimension.BodyRegion).Select(entry => Line(entry.Dimension, entry.Key, entry.Key ?? "", null))],
            [.. KeysOf(BreakdownDimension.ReferralSource).Select(entry => Line(entry.Dimension, entry.Key, entry.Key ?? "", null))],
            [.. KeysOf(BreakdownDimension.EndType).Select(entry => Line(entry.Dimension, entry.Key, entry.Key ?? "", null))],
            [.. windows.Select((window, w) => ClosedMonths(window, months, closed[w]))]);
    }

    /// <summary>
    /// One line for a whole scope over the same months, counted the same way: a clinic's workbook sets the
    /// group's line beside the clinic's on its Clinics sheet and chart, so a manager sees how the clinic
    /// compares without other clinics being named.
    /// </summary>
    public static BreakdownLine Overall(string name, string? detail, IReadOnlyList<MonthMetrics> months, IReadOnlyList<int> windows)
    {
        var closed = ClosedByWindow(months, windows);
        var total = new Total(windows.Count);
        for (var index = 0; index < months.Count; index++)
        {
            total.Add(new BreakdownRow(BreakdownDimension.Clinic, null, months[index].AcuteCompletions, months[index].Conversion), windows, closed, index);
        }

        return new BreakdownLine(name, detail, total.Completions, [.. windows.Select((window, w) => total.Cell(window, w, closed[w].Any(isClosed => isClosed)))]);
    }

    /// <summary>The line the Definitions sheet adds about the breakdowns' period.</summary>
    public static DefinitionRow Definition(int months) => new(
        "Breakdown period",
        string.Create(CultureInfo.InvariantCulture,
            $"The Clinics, Providers, Regions & referrals and End types sheets add up the {months} completion months ending at the report month, because on the day after a month all of that month's conversion windows are still open. ")
            + "Completions count every one of those months; conversion within N days counts only the months whose N-day window has closed by the as-of date (each sheet says which), "
            + "so a rate is never pulled down by patients who still have time to convert.",
        RetentionOptions.SectionName + ":" + nameof(RetentionOptions.CohortMonths),
        months.ToString(CultureInfo.InvariantCulture));

    private static string NameOfClinic(ClinicDirectory directory, string? clinicId) =>
        clinicId is null ? "" : directory.ClinicNameOrId(clinicId);

    private static string? ClinicOfProvider(ClinicDirectory directory, string? providerId) =>
        providerId is not null && directory.Providers.TryGetValue(providerId, out var provider) ? directory.ClinicNameOrId(provider.ClinicId) : null;

    /// <summary>Per window, per month: has the window closed for the month's completions by the as-of date.</summary>
    private static bool[][] ClosedByWindow(IReadOnlyList<MonthMetrics> months, IReadOnlyList<int> windows) =>
        [.. windows.Select(window => months.Select(month => month.ConversionWithin(window) is { Maturing: false }).ToArray())];

    private static BreakdownWindow ClosedMonths(int window, IReadOnlyList<MonthMetrics> months, bool[] closed)
    {
        var closedMonths = months.Where((_, index) => closed[index]).Select(month => month.Month).ToList();
        return closedMonths.Count == 0
            ? new BreakdownWindow(window, null, null)
            : new BreakdownWindow(window, closedMonths.Min(), closedMonths.Max());
    }

    /// <summary>One breakdown value's counts over the months.</summary>
    private sealed class Total(int windowCount)
    {
        private readonly int[] closedCompletions = new int[windowCount];
        private readonly int[] closedConverted = new int[windowCount];
        private readonly int[] convertedSoFar = new int[windowCount];

        public int Completions { get; private set; }

        public void Add(BreakdownRow row, IReadOnlyList<int> windows, bool[][] closed, int monthIndex)
        {
            Completions += row.Completions;
            for (var w = 0; w < windows.Count; w++)
            {
                var converted = row.Conversion.FirstOrDefault(metric => metric.WindowDays == windows[w])?.Converted ?? 0;
                convertedSoFar[w] += converted;
                if (closed[w][monthIndex])
                {
                    closedCompletions[w] += row.Completions;
                    closedConverted[w] += converted;
                }
            }
        }

        /// <summary>Over the closed months when there are any; else every month so far, maturing.</summary>
        public ConversionCell Cell(int window, int w, bool anyClosed) => anyClosed
            ? ConversionCell.Matured(window, closedCompletions[w], closedConverted[w])
            : ConversionCell.Open(window, Completions, convertedSoFar[w]);
    }
}
