using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

/// <summary>
/// A realistic monthly report: three clinics, March 2026 as of 1 April 2026, 12 months of trend whose
/// maturing windows and provisional months follow the engine's rules for that as-of date. Tests change
/// only what they are about.
/// </summary>
internal sealed class MonthlyReportBuilder
{
    public static readonly int[] ConversionWindows = [28, 60, 90];

    public static readonly int[] CohortWindows = [28, 60, 90, 180];

    private static readonly (string Id, string Name)[] DefaultClinics = [("C01", "Eastside"), ("C02", "Northside"), ("C03", "Downtown")];

    private ReportScope scope = ReportScope.AllClinics;
    private CalendarMonth month = new(2026, 3);
    private DateOnly? asOf;
    private List<PatientToCallRow>? patientsToCall;
    private List<DataQualityRow>? dataQuality;
    private List<TrendMonth>? trend;
    private List<CohortRow>? cohorts;
    private IReadOnlyList<string>? whatChanged;
    private OutreachReport? outreach;
    private bool outreachSet;
    private (string Id, string Name)[] clinics = DefaultClinics;

    public MonthlyReportBuilder ForClinic(string clinicId, string name)
    {
        scope = ReportScope.Clinic(clinicId, name);
        clinics = [(clinicId, name)];
        return this;
    }

    public MonthlyReportBuilder WithMonth(CalendarMonth value)
    {
        month = value;
        return this;
    }

    public MonthlyReportBuilder WithAsOf(DateOnly value)
    {
        asOf = value;
        return this;
    }

    public MonthlyReportBuilder WithPatientsToCall(params PatientToCallRow[] rows)
    {
        patientsToCall = [.. rows];
        return this;
    }

    public MonthlyReportBuilder WithDataQuality(params DataQualityRow[] rows)
    {
        dataQuality = [.. rows];
        return this;
    }

    public MonthlyReportBuilder WithTrend(IEnumerable<TrendMonth> rows)
    {
        trend = [.. rows];
        return this;
    }

    public MonthlyReportBuilder WithCohorts(IEnumerable<CohortRow> rows)
    {
        cohorts = [.. rows];
        return this;
    }

    public MonthlyReportBuilder WithWhatChanged(params string[] sentences)
    {
        whatChanged = sentences;
        return this;
    }

    /// <summary>The Outreach sheet's numbers; null for a report that did not count outreach.</summary>
    public MonthlyReportBuilder WithOutreach(OutreachReport? value)
    {
        outreach = value;
        outreachSet = true;
        return this;
    }

    public MonthlyReport Build()
    {
        var reportAsOf = asOf ?? month.LastDay.AddDays(1);
        var trendRows = trend ?? [.. Enumerable.Range(0, 12).Select(offset => TrendFor(month.AddMonths(offset - 11), reportAsOf, scaled: clinics.Length))];
        var cohortRows = cohorts ?? [.. trendRows.Select(row => CohortFor(row, reportAsOf))];
        var summary = ReportSummaryBuilder.Build(
            month, reportAsOf, trendRows, ConversionWindows,
            whatChanged ?? new WhatChangedWriter(new ReportsOptions()).Write(month, MetricChangeFinder.Find(null, month, trendRows, ConversionWindows)));
        return new MonthlyReport
        {
            Scope = scope,
            Month = month,
            AsOf = reportAsOf,
            ConversionWindows = ConversionWindows,
            CohortWindows = CohortWindows,
            Summary = summary,
            Trend = trendRows,
            Cohorts = cohortRows,
            Breakdowns = new ReportBreakdowns(
                month,
                month,
                [.. clinics.Select((clinic, index) => Breakdown(clinic.Name, clinic.Id, 40 + (index * 17), reportAsOf))],
                [
                    Breakdown("Dana Ruiz", "Eastside", 31, reportAsOf),
                    Breakdown("Sam Okafor", "Northside", 27, reportAsOf),
                    Breakdown("Lee Chen", "Downtown", 22, reportAsOf),
                    Breakdown("Priya Nair", "Eastside", 19, reportAsOf),
                ],
                [Breakdown("Knee", null, 38, reportAsOf), Breakdown("Lower back", null, 33, reportAsOf), Breakdown("Shoulder", null, 21, reportAsOf), Breakdown("", null, 9, reportAsOf)],
                [Breakdown("Physician", null, 52, reportAsOf), Breakdown("Self", null, 30, reportAsOf), Breakdown("Insurer", null, 19, reportAsOf)],
                [Breakdown("goals_met", null, 46, reportAsOf), Breakdown("self_discharged", null, 25, reportAsOf), Breakdown("unrecorded", null, 15, reportAsOf), Breakdown("referred_out", null, 8, reportAsOf)]),
            Recurrence = SampleRecurrence(month),
            PatientsToCall = PatientsToCallList.Of(patientsToCall ?? DefaultPatientsToCall(reportAsOf)),
            DataQuality = dataQuality ??
            [
                new DataQualityRow("stale_booking", "Booked appointments dated before the as-of date: counted as nothing.", 14, ["A1042", "A1077", "A2210"]),
                new DataQualityRow("visit_after_discharge", "Acute visits dated after their episode's discharge.", 3, ["A3301", "A3342"]),
                new DataQualityRow("unknown_episode", "Appointments naming an episode that does not exist.", 1, ["A4410"]),
            ],
            Definitions = new ReportDefinitions(
                [
                    new DefinitionRow("Acute completion", "An episode of acute care that ended in the month (discharged, or no visit for 21 days).", "Retention:ImplicitDischargeDays", "21"),
                    new DefinitionRow("Conversion within N days", "Of the acute completions, those with a maintenance visit within N days after the end.", "Retention:ConversionWindowsDays", "28, 60, 90"),
                    new DefinitionRow("Maintenance lapsed", "Last maintenance visit longer ago than the interval times the lapse factor.", "Retention:LapseFactor", "1.5"),
                ],
                [new ReportSetting("Retention:GraceDays", "14"), new ReportSetting("Retention:LapseFactor", "1.5"), new ReportSetting("Retention:LookbackDays", "365")],
                []),
            Outreach = outreachSet ? outreach : OutreachFor([.. trendRows.Select(row => row.Month)], reportAsOf, clinics),
        };
    }

    /// <summary>Plausible outreach for the months: front desk calls most of the listed patients, a third book.</summary>
    public static OutreachReport OutreachFor(IReadOnlyList<CalendarMonth> months, DateOnly asOf, (string Id, string Name)[] clinics)
    {
        var trend = months.Select(month =>
        {
            var listed = 40 + (3 * month.Month);
            var contacted = (int)(listed * 0.8);
            return new OutreachMonth(month, listed, contacted, (int)(contacted * 0.55), (int)(contacted * 0.3), month.LastDay.AddDays(14) >= asOf, 2.5 + (month.Month % 3), month.Month % 3);
        }).ToList();
        var byClinic = clinics.Select((clinic, index) => new OutreachBreakdownLine(clinic.Name, clinic.Id, 20 + index, 16 + index, 9, 5 - index, index, 3)).ToList();
        List<OutreachBreakdownLine> byStaff =
        [
            new("JD", clinics[0].Name, null, 14, 8, 5, 1, null),
            new("AB", clinics[0].Name, null, 6, 3, 1, 0, null),
            new("MK", clinics[^1].Name, null, 9, 5, 3, 1, null),
        ];
        var (definitions, settings) = OutreachDefinitions.For(new OutreachOptions());
        return new OutreachReport(14, trend, byClinic, byStaff, ["P000901", "P000902"], definitions, settings);
    }

    /// <summary>A month of plausible numbers: the same month always gives the same numbers.</summary>
    public static TrendMonth TrendFor(CalendarMonth month, DateOnly asOf, int scaled = 3)
    {
        var wave = Math.Sin(month.Month * 0.9);
        var completions = (int)Math.Round((40 + (6 * wave)) * scaled);
        var provisional = asOf <= month.LastDay.AddDays(21);
        var endTypes = new Dictionary<string, int>
        {
            ["goals_met"] = (int)(completions * 0.45),
            ["self_discharged"] = (int)(completions * 0.25),
            ["referred_out"] = (int)(completions * 0.08),
            ["other"] = (int)(completions * 0.07),
        };
        endTypes["unrecorded"] = completions - endTypes.Values.Sum();
        var baseRate = 0.36 + (0.05 * wave);
        return new TrendMonth(
            month,
            completions,
            provisional,
            endTypes,
            [.. ConversionWindows.Select(window => Conversion(month, asOf, window, completions, baseRate))],
            (int)Math.Round((95 + (8 * Math.Cos(month.Month))) * scaled),
            6 + Math.Round(wave, 1),
            month == CalendarMonth.Of(asOf.AddDays(-1)) ? 17 * scaled : null,
            month == CalendarMonth.Of(asOf.AddDays(-1)) ? 9 * scaled : null);
    }

    public static ConversionCell Conversion(CalendarMonth month, DateOnly asOf, int window, int completions, double baseRate)
    {
        var rate = Math.Min(0.95, baseRate + (window switch { <= 28 => 0, <= 60 => 0.09, <= 90 => 0.14, _ => 0.2 }));
        var converted = (int)Math.Round(completions * rate);
        if (month.LastDay.AddDays(window) >= asOf)
        {
            // While the window is open, part of the eventual conversions have happened.
            var elapsed = Math.Clamp((asOf.DayNumber - month.LastDay.DayNumber) / (double)window, 0, 1);
            return ConversionCell.Open(window, completions, (int)Math.Round(converted * elapsed));
        }

        return ConversionCell.Matured(window, completions, converted);
    }

    private static CohortRow CohortFor(TrendMonth month, DateOnly asOf)
    {
        var baseRate = month.Conversion(28) is { } first ? (double)(first.Rate ?? 0.36) : 0.36;
        return new CohortRow(month.Month, month.AcuteCompletions, [.. CohortWindows.Select(window => Conversion(month.Month, asOf, window, month.AcuteCompletions, baseRate))]);
    }

    private static BreakdownLine Breakdown(string name, string? detail, int completions, DateOnly asOf) =>
        new(name, detail, completions, [.. ConversionWindows.Select(window => ConversionCell.Open(window, completions, (int)Math.Round(completions * (0.1 + (window / 600.0)))))]);

    private List<PatientToCallRow> DefaultPatientsToCall(DateOnly reportAsOf) =>
    [
        new("P000123", clinics[0].Id, clinics[0].Name, PatientFlagKind.DroppedAfterAcute, "goals_met", reportAsOf.AddDays(-16), null, "Dana Ruiz", 16, 88,
            "Discharged " + reportAsOf.AddDays(-16).ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture) + " (goals met) after 14 visits with Dana Ruiz; no maintenance booked"),
        new("P000456", clinics[^1].Id, clinics[^1].Name, PatientFlagKind.MaintenanceLapsed, "self_discharged", reportAsOf.AddDays(-200), reportAsOf.AddDays(-50), "Lee Chen", 50, 61,
            "Last maintenance massage 50 days ago; usually every 28 days"),
        new("P000789", clinics[0].Id, clinics[0].Name, PatientFlagKind.DroppedAfterAcute, "self_discharged", reportAsOf.AddDays(-40), null, "Priya Nair", 40, 74,
            "Stopped coming after 6 visits with Priya Nair; no maintenance booked"),
    ];

    /// <summary>
    /// A recurrence analysis of 80 converted patients (12 back within the year) and 240 not converted (67
    /// back), a new episode every few weeks from day 40, everyone else followed to day 730.
    /// </summary>
    internal static RecurrenceReport SampleRecurrence(CalendarMonth month)
    {
        static RecurrenceSide Side(int patients, int backWithinYear)
        {
            var events = new int[731];
            var censored = new int[731];
            for (var i = 0; i < backWithinYear; i++)
            {
                events[40 + (i * 300 / backWithinYear)]++;
            }

            censored[730] = patients - backWithinYear;
            var group = RecurrenceGroup.From(KaplanMeier.Estimate(events, censored), 365);
            return new RecurrenceSide(group.Patients, group.NewEpisodes, group.BackWithinYear, group.BackWithinYearInterval, group.Curve.Steps);
        }

        var all = new RecurrenceRow("All end types", Side(80, 12), Side(240, 67), 9, 0.0123);
        return new RecurrenceReport(month.AddMonths(-23), month, 28, 365, 730, all,
            [all with { Label = "Goals met", Converted = Side(50, 6), NotConverted = Side(120, 30), BackWithinLandmark = 5, LogRankP = 0.21 }]);
    }

    /// <summary>A recurrence analysis with no patients at all.</summary>
    internal static RecurrenceReport EmptyRecurrence(CalendarMonth month) =>
        new(month.AddMonths(-23), month, 28, 365, 730, new RecurrenceRow("All end types", RecurrenceSide.Empty, RecurrenceSide.Empty, 0, null), []);
}
