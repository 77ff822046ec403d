using PhysicalTheraPT.Analytics.Retention;
using static PhysicalTheraPT.Analytics.Tests.Retention.Reference.NaiveRetentionReference;

namespace PhysicalTheraPT.Analytics.Tests.Retention.Reference;

/// <summary>The engine's metrics as "scope|key" → value, the shape the naive reference produces.</summary>
internal static class MetricsFlattener
{
    public static SortedDictionary<string, string> Flatten(RetentionMetrics metrics, RetentionOptions options)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in metrics.Clinics.Prepend(metrics.All))
        {
            string Key(string rest) => scope.ClinicId + "|" + rest;
            foreach (var month in scope.Months)
            {
                var m = month.Month.ToString();
                result[Key($"{m}|provisional")] = Bool(month.Provisional);
                result[Key($"{m}|completions")] = Int(month.AcuteCompletions);
                foreach (var (endType, count) in month.CompletionsByEndType)
                {
                    result[Key($"{m}|completions.{endType.ToContractName()}")] = Int(count);
                }

                foreach (var conversion in month.Conversion)
                {
                    Conversion(result, Key($"{m}|conversion_{conversion.WindowDays}d"), conversion);
                }

                foreach (var cohort in month.Cohort)
                {
                    Conversion(result, Key($"{m}|cohort_{cohort.WindowDays}d"), cohort);
                }

                result[Key($"{m}|active")] = Int(month.ActiveMaintenancePatients);
                result[Key($"{m}|active_change")] = Int(month.ActiveMaintenanceChange);
                result[Key($"{m}|visits.episodes")] = Int(month.VisitsPerEpisode.Episodes);
                result[Key($"{m}|visits.median")] = Number(month.VisitsPerEpisode.Median);
                result[Key($"{m}|visits.p25")] = Number(month.VisitsPerEpisode.P25);
                result[Key($"{m}|visits.p75")] = Number(month.VisitsPerEpisode.P75);
                foreach (var row in month.Breakdowns)
                {
                    var prefix = $"{m}|breakdown|{row.Dimension}|{row.Key ?? "(not recorded)"}";
                    result[Key(prefix + "|completions")] = Int(row.Completions);
                    foreach (var conversion in row.Conversion)
                    {
                        Conversion(result, Key($"{prefix}|conversion_{conversion.WindowDays}d"), conversion);
                    }
                }
            }

            result[Key("flags.dropped_after_acute")] = Int(scope.DroppedAfterAcute);
            result[Key("flags.maintenance_lapsed")] = Int(scope.MaintenanceLapsed);
            foreach (var comparison in scope.Recurrence.ByEndType.Prepend(scope.Recurrence.All))
            {
                var key = Key($"recurrence|{comparison.EndType?.ToContractName() ?? "all"}");
                result[key + "|back"] = Int(comparison.BackWithinLandmark);
                foreach (var (g, group) in new[] { (0, comparison.Converted), (1, comparison.NotConverted) })
                {
                    result[$"{key}|{g}|n"] = Int(group.Patients);
                    result[$"{key}|{g}|events"] = Int(group.NewEpisodes);
                    result[$"{key}|{g}|km"] = EightDigits(group.BackWithinYear);
                    result[$"{key}|{g}|low"] = EightDigits(group.BackWithinYearInterval?.Low);
                    result[$"{key}|{g}|high"] = EightDigits(group.BackWithinYearInterval?.High);
                }

                result[key + "|logrank_p"] = EightDigits(comparison.LogRankP);
            }

            foreach (var summary in scope.DataQuality)
            {
                result[Key($"data_quality|{summary.Issue.ToContractName()}")] = Int(summary.Count);
                if (summary.Count <= options.DataQualityExamples)
                {
                    result[Key($"data_quality|{summary.Issue.ToContractName()}|examples")] = string.Join(",", summary.Examples.Order(StringComparer.Ordinal));
                }
            }
        }

        return result;
    }

    private static void Conversion(SortedDictionary<string, string> result, string key, ConversionMetric conversion)
    {
        result[key + ".completions"] = Int(conversion.Completions);
        result[key + ".converted"] = Int(conversion.Converted);
        result[key + ".maturing"] = Bool(conversion.Maturing);
        result[key + ".rate"] = Number(conversion.Rate);
    }
}
