using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// The second step of the monthly report (pass → fresh numbers → kept numbers → report): a scope's trend
/// and cohort rows as the pass computed them, before the kept numbers of earlier workbooks apply. No I/O.
/// </summary>
internal static class FreshNumbers
{
    /// <summary>The scope ids of the pass: <see cref="ScopeMetrics.AllClinics"/>, then every clinic.</summary>
    public static IReadOnlyList<string> ScopeIds(RetentionMetrics metrics) =>
        [ScopeMetrics.AllClinics, .. metrics.Clinics.Select(clinic => clinic.ClinicId)];

    /// <summary>The trend months of the pass, oldest first, ending at the report month.</summary>
    public static IReadOnlyList<CalendarMonth> TrendMonths(RetentionMetrics metrics) =>
        [.. metrics.All.Months.Select(row => row.Month)];

    /// <summary>A scope's numbers; an id the pass has no numbers for is a bug, not the user's to fix.</summary>
    public static ScopeMetrics ScopeOf(RetentionMetrics metrics, string scopeId) =>
        metrics.For(scopeId) ?? throw new ArgumentException($"The run has no numbers for scope {scopeId}.", nameof(scopeId));

    public static List<TrendMonth> TrendOf(RetentionMetrics metrics, ScopeMetrics numbers) =>
    [
        .. numbers.Months.Select(row => new TrendMonth(
            row.Month,
            row.AcuteCompletions,
            row.Provisional,
            row.CompletionsByEndType.ToDictionary(pair => pair.Key.ToContractName(), pair => pair.Value, StringComparer.Ordinal),
            [.. row.Conversion.Select(MonthlyReportMapper.ToCell)],
            row.ActiveMaintenancePatients,
            row.VisitsPerEpisode.Median,
            // Patients to call are counted as of the run's date, which belongs to the report month only.
            row.Month == metrics.Month ? numbers.DroppedAfterAcute : null,
            row.Month == metrics.Month ? numbers.MaintenanceLapsed : null)),
    ];

    public static List<CohortRow> CohortsOf(ScopeMetrics numbers) =>
        [.. numbers.Months.Select(row => new CohortRow(row.Month, row.AcuteCompletions, [.. row.Cohort.Select(MonthlyReportMapper.ToCell)]))];
}
