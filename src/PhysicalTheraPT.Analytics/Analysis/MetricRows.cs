using System.Globalization;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Analysis;

/// <summary>
/// The report month's numbers as <c>clinic_id,metric,value</c> rows, in the order of issue 3's
/// "Machine-readable output": the <c>ALL</c> block first, then one block per clinic (active or not),
/// ordered by clinic id.
/// </summary>
internal static class MetricRows
{
    public static IReadOnlyList<MetricRow> From(RetentionMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var rows = new List<MetricRow>();
        AddScope(rows, metrics.All);
        foreach (var clinic in metrics.Clinics)
        {
            AddScope(rows, clinic);
        }

        return rows;
    }

    private static void AddScope(List<MetricRow> rows, ScopeMetrics scope)
    {
        var month = scope.ReportMonth;
        void Add(string metric, double? value) => rows.Add(new MetricRow(scope.ClinicId, metric, value));

        Add("acute_completions", month.AcuteCompletions);
        foreach (var endType in AcuteEndTypeNames.All)
        {
            Add("acute_completions." + endType.ToContractName(), month.CompletionsByEndType[endType]);
        }

        var monthBefore = scope.Months.Count > 1 ? scope.Months[^2] : null;
        foreach (var conversion in month.Conversion)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"conversion_{conversion.WindowDays}d");
            Add(name + ".completions", conversion.Completions);
            Add(name + ".converted", conversion.Converted);
            Add(name + ".rate", conversion.Rate);
            Add(name + ".rate_low", conversion.Interval?.Low);
            Add(name + ".rate_high", conversion.Interval?.High);
            Add(name + ".change_p", ConversionMetric.ChangeP(monthBefore?.ConversionWithin(conversion.WindowDays), conversion));
        }

        Add("dropped_after_acute", scope.DroppedAfterAcute);
        Add("maintenance_lapsed", scope.MaintenanceLapsed);
        Add("active_maintenance_patients", month.ActiveMaintenancePatients);
        Add("visits_per_episode.median", month.VisitsPerEpisode.Median);
        Add("visits_per_episode.p25", month.VisitsPerEpisode.P25);
        Add("visits_per_episode.p75", month.VisitsPerEpisode.P75);
        AddRecurrence(Add, scope.Recurrence);
    }

    private static void AddRecurrence(Action<string, double?> add, RecurrenceMetrics recurrence)
    {
        var year = string.Create(CultureInfo.InvariantCulture, $"recurrence.km{recurrence.WindowDays}");
        var all = recurrence.All;
        foreach (var (group, numbers) in new[] { ("converted", all.Converted), ("not_converted", all.NotConverted) })
        {
            add(year + "." + group, numbers.BackWithinYear);
            add(year + "." + group + "_low", numbers.BackWithinYearInterval?.Low);
            add(year + "." + group + "_high", numbers.BackWithinYearInterval?.High);
        }

        add("recurrence.converted.n", all.Converted.Patients);
        add("recurrence.not_converted.n", all.NotConverted.Patients);
        add(string.Create(CultureInfo.InvariantCulture, $"recurrence.back_within_{recurrence.LandmarkDays}d"), all.BackWithinLandmark);
        add("recurrence.logrank_p", all.LogRankP);
    }
}

/// <summary>
/// One line of the metrics file (<c>ptanalytics metrics</c>): <c>clinic_id,metric,value</c>. The value is
/// blank (null in JSON) when there is no number to give: a rate while its cohort is maturing or when
/// there were no completions, percentiles of a month without completions.
/// </summary>
/// <remarks>The CSV header is <see cref="TableWriter.MetricColumns"/>: the properties in snake_case, in order.</remarks>
internal sealed record MetricRow(
    string ClinicId,
    string Metric,
    double? Value);
