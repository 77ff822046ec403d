using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Reports.Snapshots;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Turns one pass of the retention engine (its monthly numbers and flags, all as of one date) into the
/// monthly workbook's model, for all clinics or for one clinic. No I/O: names come from the
/// <see cref="ClinicDirectory"/> already loaded, so every workbook of a run is built from the same pass.
/// The trend is the engine's months ending at the report month; the breakdowns add those months up (see
/// <see cref="BreakdownTotals"/>), since the report month's own windows are all still open by default.
/// The last step before the writer: a scope given its kept numbers (report snapshots and outreach) has
/// its trend, cohorts, summary and "what changed" built from those, so they agree with earlier workbooks;
/// a scope without builds them from the <see cref="FreshNumbers"/>.
/// </summary>
internal sealed class MonthlyReportMapper
{
    /// <summary>The group's line on a clinic's Clinics sheet and chart.</summary>
    public const string GroupComparisonName = "All clinics (for comparison)";

    private readonly RetentionMetrics metrics;
    private readonly IReadOnlyList<FlaggedPatient> flags;
    private readonly ClinicDirectory directory;
    private readonly ReportsOptions reportsOptions;
    private readonly IReadOnlyList<int> conversionWindows;
    private readonly IReadOnlyList<int> cohortWindows;
    private readonly IReadOnlyList<ReportSetting> settings;
    private readonly CalendarMonth month;
    private readonly IReadOnlyDictionary<string, KeptNumbers> keptByScope;

    /// <param name="flags">
    /// The run's flags without their texts (as of <see cref="RetentionMetrics.AsOf"/>), every clinic's:
    /// <see cref="RetentionAnalysisRequest.FlagsWithoutTexts"/>. The reasons are written as the sheet reads them.
    /// </param>
    /// <param name="kept">Each scope's kept numbers, by scope id; a scope not given shows the fresh numbers.</param>
    public MonthlyReportMapper(
        RetentionMetrics metrics,
        IReadOnlyList<FlaggedPatient> flags,
        ClinicDirectory directory,
        RetentionOptions retentionOptions,
        ReportsOptions reportsOptions,
        IReadOnlyDictionary<string, KeptNumbers>? kept = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(retentionOptions);
        this.metrics = metrics;
        this.flags = flags;
        this.directory = directory;
        this.reportsOptions = reportsOptions;
        conversionWindows = retentionOptions.ConversionWindowsDays;
        cohortWindows = retentionOptions.CohortWindowsDays;
        settings = ReportSettings.Of(retentionOptions, reportsOptions);
        month = metrics.Month;
        keptByScope = kept ?? new Dictionary<string, KeptNumbers>();
    }

    /// <summary>The report of every clinic together.</summary>
    public MonthlyReport ForAllClinics() => Map(ReportScope.AllClinics, metrics.All);

    /// <summary>One clinic's report; an unknown id is the user's to fix.</summary>
    public MonthlyReport ForClinic(string clinicId)
    {
        var clinic = directory.Require(clinicId);
        var scope = metrics.For(clinicId)
            ?? throw new ArgumentException($"The run has no numbers for clinic {clinicId}: it was added after the run started.", nameof(clinicId));
        return Map(ReportScope.Clinic(clinic.ClinicId, clinic.Name), scope);
    }

    private IReadOnlyList<TrendMonth> ShownTrendOf(ScopeMetrics numbers) =>
        keptByScope.GetValueOrDefault(numbers.ClinicId)?.Snapshots.Trend ?? FreshNumbers.TrendOf(metrics, numbers);

    private MonthlyReport Map(ReportScope scope, ScopeMetrics numbers)
    {
        var keptNumbers = keptByScope.GetValueOrDefault(numbers.ClinicId);
        var trend = ShownTrendOf(numbers);
        var changes = new List<MetricChange>(MetricChangeFinder.Find(null, month, trend, conversionWindows));
        if (scope.IsAllClinics)
        {
            // The group's report also says which clinics moved ("... at Eastside").
            foreach (var clinic in metrics.Clinics)
            {
                changes.AddRange(MetricChangeFinder.Find(directory.ClinicNameOrId(clinic.ClinicId), month, ShownTrendOf(clinic), conversionWindows));
            }
        }

        var whatChanged = new WhatChangedWriter(reportsOptions).Write(month, changes);
        return new MonthlyReport
        {
            Scope = scope,
            Month = month,
            AsOf = metrics.AsOf,
            ConversionWindows = conversionWindows,
            CohortWindows = cohortWindows,
            Summary = ReportSummaryBuilder.Build(month, metrics.AsOf, trend, conversionWindows, whatChanged, reportsOptions.ChangeSignificance, reportsOptions.FewPatients),
            Trend = trend,
            Cohorts = keptNumbers?.Snapshots.Cohorts ?? FreshNumbers.CohortsOf(numbers),
            Breakdowns = BreakdownsOf(scope, numbers),
            Recurrence = RecurrenceOf(numbers.Recurrence),
            PatientsToCall = PatientsToCall(scope),
            DataQuality = [.. numbers.DataQuality.Select(issue => new DataQualityRow(issue.Issue.ToContractName(), issue.Issue.Describe(), issue.Count, issue.Examples))],
            Definitions = new ReportDefinitions(
                [
                    .. metrics.Definitions.Select(definition => new DefinitionRow(definition.Name, definition.Definition, definition.Setting, definition.Value)),
                    BreakdownTotals.Definition(numbers.Months.Count),
                    .. UncertaintyDefinitions(reportsOptions),
                    .. keptNumbers is null ? [] : new[] { PastMonthsDefinition },
                ],
                settings,
                keptNumbers?.Snapshots.RestatedMonths ?? []),
            Outreach = keptNumbers?.Outreach,
            FewPatients = reportsOptions.FewPatients,
            ChangeSignificance = reportsOptions.ChangeSignificance,
        };
    }

    private static IEnumerable<DefinitionRow> UncertaintyDefinitions(ReportsOptions options)
    {
        var significance = options.ChangeSignificance.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var few = options.FewPatients.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return new(
            "Rise, fall or no clear change",
            $"A conversion rate is said to rise or fall (in \"What changed\", the Summary's Change column and the headline numbers) only when the two-proportion test between the two months gives p < {significance}; "
            + "otherwise \"no clear change (within normal variation)\". The two months are the ones the workbook shows (for the headline, the latest matured cohort and the one before).",
            "Reports:ChangeSignificance",
            significance);
        yield return new(
            "Few patients",
            $"A rate resting on fewer than {few} completions is marked \"few patients\": its interval is wide and one patient moves it by several points.",
            "Reports:FewPatients",
            few);
        yield return new(
            "Above or below the group; funnel chart",
            "A clinic's or provider's rate is above (below) the group only when its whole 95% Wilson interval lies above (below) the rate of all clinics together over the same months; otherwise it is in line with the group. "
            + "The funnel chart plots each clinic's rate against its completions with the group rate p and its 95% limits p ± 1.959964·√(p(1−p)/n).",
            null,
            null);
    }

    private static readonly DefinitionRow PastMonthsDefinition = new(
        "Past months",
        "A past month's numbers are shown as the first workbook that reported them as final, even if the data changed since; numbers that were not final yet (grey) are recomputed until they are. Run `report monthly --restate` to recompute past months; the restated months are listed below.",
        null,
        null);

    private ReportBreakdowns BreakdownsOf(ReportScope scope, ScopeMetrics numbers)
    {
        var group = BreakdownTotals.Overall(GroupComparisonName, ScopeMetrics.AllClinics, metrics.All.Months, conversionWindows);
        var breakdowns = BreakdownTotals.Of(numbers.Months, conversionWindows, directory) with { Group = group };
        return scope.IsAllClinics ? breakdowns : breakdowns with { Clinics = [.. breakdowns.Clinics, group] };
    }

    internal static ConversionCell ToCell(ConversionMetric metric) => metric.Maturing
        ? ConversionCell.Open(metric.WindowDays, metric.Completions, metric.Converted)
        : ConversionCell.Matured(metric.WindowDays, metric.Completions, metric.Converted);

    private static RecurrenceReport RecurrenceOf(RecurrenceMetrics recurrence)
    {
        static RecurrenceSide Side(RecurrenceGroup group) =>
            new(group.Patients, group.NewEpisodes, group.BackWithinYear, group.BackWithinYearInterval, group.Curve.Steps);
        static RecurrenceRow Row(string label, RecurrenceComparison comparison) =>
            new(label, Side(comparison.Converted), Side(comparison.NotConverted), comparison.BackWithinLandmark, comparison.LogRankP);

        return new RecurrenceReport(
            recurrence.FirstMonth,
            recurrence.LastMonth,
            recurrence.LandmarkDays,
            recurrence.WindowDays,
            recurrence.FollowUpDays,
            Row("All end types", recurrence.All),
            [.. recurrence.ByEndType
                .Where(comparison => comparison.Converted.Patients + comparison.NotConverted.Patients + comparison.BackWithinLandmark > 0)
                .OrderBy(comparison => AcuteEndTypeNames.DisplayOrder.ToList().IndexOf(comparison.EndType!.Value))
                .Select(comparison => Row(EndTypeLabels.Label(comparison.EndType!.Value.ToContractName()), comparison))]);
    }

    private PatientsToCallList PatientsToCall(ReportScope scope) =>
        PatientsToCallList.Of(flags, scope.IsAllClinics ? null : scope.ClinicId, directory, metrics.AsOf);

}

/// <summary>
/// What a workbook of one scope shows for its months: the trend, cohorts and outreach months after the
/// kept numbers were applied (<see cref="ReportSnapshots"/>), the restated months, and the Outreach sheet
/// around those months.
/// </summary>
internal sealed record KeptNumbers(ReportSnapshotResult Snapshots, OutreachReport Outreach);
