using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Reports.Snapshots;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

public sealed class MonthlyReportMapperTests
{
    // September 2025 as of 1 October 2025. Windows close month by month: 28 days through August,
    // 60 days through July, 90 days through June; nothing of September has closed.
    private static readonly CalendarMonth September = new(2025, 9);
    private static readonly DateOnly AsOf = September.DayAfter;

    private static readonly ClinicDirectory Clinics = new(
        [new ClinicRow("c1", "Eastside", "America/Denver"), new ClinicRow("c2", "Uptown", "America/New_York")],
        [new ProviderRow("pr1", "c1", "Dana Ruiz", "physical_therapy"), new ProviderRow("pr2", "c1", "Sam Ode", "physical_therapy"), new ProviderRow("pr3", "c2", "Lee Chen", "physical_therapy")]);

    // The random histories' clinics, with pr3 left unnamed (its reasons say "with provider pr3").
    private static readonly ClinicDirectory RandomClinics = new(
        [new ClinicRow("c1", "Eastside", "America/Denver"), new ClinicRow("c2", "Uptown", "America/New_York"), new ClinicRow("c3", "Lakeside", "America/Chicago")],
        [new ProviderRow("pr1", "c1", "Dana Ruiz", "physical_therapy"), new ProviderRow("pr2", "c2", "Lee Chen", "physical_therapy")]);

    [Fact]
    public void ForAllClinics_AddsUpTheTrendMonthsInTheBreakdowns_EachWindowOverTheMonthsItHasClosedFor()
    {
        var report = Mapper().ForAllClinics();

        var breakdowns = report.Breakdowns;
        Assert.Equal((new CalendarMonth(2024, 10), new CalendarMonth(2025, 9)), (breakdowns.FirstMonth, breakdowns.LastMonth));
        Assert.Equal(
            [new BreakdownWindow(28, new CalendarMonth(2024, 10), new CalendarMonth(2025, 8)), new BreakdownWindow(60, new CalendarMonth(2024, 10), new CalendarMonth(2025, 7)), new BreakdownWindow(90, new CalendarMonth(2024, 10), new CalendarMonth(2025, 6))],
            breakdowns.Windows);

        // Eastside: April (p5, not converted), June (p1, converted in 10 days), August (p2, converted in 16 days).
        var eastside = breakdowns.Clinics.Single(line => line.Detail == "c1");
        Assert.Equal(("Eastside", 3), (eastside.Name, eastside.Completions));
        Assert.Equal(ConversionCell.Matured(28, 3, 2), eastside.Conversion(28));
        Assert.Equal(ConversionCell.Matured(60, 2, 1), eastside.Conversion(60));
        Assert.Equal(ConversionCell.Matured(90, 2, 1), eastside.Conversion(90));

        // Uptown: July (p3, not converted) and September (p4, still open everywhere).
        var uptown = breakdowns.Clinics.Single(line => line.Detail == "c2");
        Assert.Equal(2, uptown.Completions);
        Assert.Equal(ConversionCell.Matured(28, 1, 0), uptown.Conversion(28));
        Assert.Equal(ConversionCell.Matured(90, 0, 0), uptown.Conversion(90));
        Assert.Null(uptown.Conversion(90)!.Rate);
    }

    [Fact]
    public void ForAllClinics_NamesProvidersWithTheirClinic_AndKeepsEndTypesAsContractNames()
    {
        var report = Mapper().ForAllClinics();

        var providers = report.Breakdowns.Providers.ToDictionary(line => line.Name, line => (line.Detail, line.Completions));
        Assert.Equal(("Eastside", 2), providers["Dana Ruiz"]);
        Assert.Equal(("Eastside", 1), providers["Sam Ode"]);
        Assert.Equal(("Uptown", 2), providers["Lee Chen"]);
        Assert.Equal(
            ["goals_met", "referred_out", "self_discharged"],
            report.Breakdowns.EndTypes.Select(line => line.Name).Order(StringComparer.Ordinal));
        Assert.Equal(3, report.Breakdowns.EndTypes.Single(line => line.Name == "goals_met").Completions);
    }

    [Fact]
    public void ForAllClinics_MapsTheTrendAndCohortsOfTheSamePass_MaturingWindowsWithoutARate()
    {
        var (metrics, _) = Run();

        var report = Mapper().ForAllClinics();

        Assert.Equal(12, report.Trend.Count);
        var september = report.Trend[^1];
        Assert.Equal(new CalendarMonth(2025, 9), september.Month);
        Assert.True(september.Provisional);
        Assert.All(september.Conversions, cell => Assert.True(cell.Maturing));
        Assert.All(september.Conversions, cell => Assert.Null(cell.Rate));
        Assert.Equal((1, 1), (metrics.All.DroppedAfterAcute, metrics.All.MaintenanceLapsed));
        Assert.Equal((1, 1), (september.DroppedAfterAcute, september.MaintenanceLapsed));
        Assert.All(report.Trend.SkipLast(1), month => Assert.Null(month.DroppedAfterAcute));

        var june = report.Trend.Single(month => month.Month == new CalendarMonth(2025, 6));
        Assert.Equal(ConversionCell.Matured(28, 1, 1), june.Conversion(28));
        Assert.Equal(1, june.CompletionsByEndType["goals_met"]);
        Assert.Equal(
            metrics.All.Months.Select(month => $"{month.AcuteCompletions}: " + string.Join(", ", month.Cohort.Select(cell => $"{cell.WindowDays} {cell.Converted} {cell.Maturing}"))),
            report.Cohorts.Select(row => $"{row.Completions}: " + string.Join(", ", row.Windows.Select(cell => $"{cell.WindowDays} {cell.Converted} {cell.Maturing}"))));
        Assert.Equal(AsOf, report.AsOf);
    }

    [Fact]
    public void ForClinic_ListsOnlyItsOwnPatientsToCall_AndSetsTheGroupBesideItForComparison()
    {
        var report = Mapper().ForClinic("c2");

        Assert.Equal(ReportScope.Clinic("c2", "Uptown"), report.Scope);
        var patient = Assert.Single(report.PatientsToCall);
        Assert.Equal(("p3", "Uptown", PatientFlagKind.DroppedAfterAcute, "referred_out", "Lee Chen"), (patient.PatientId, patient.ClinicName, patient.Flag, patient.EndType, patient.DischargingProvider));
        Assert.Equal(
            [("Uptown", 2), (MonthlyReportMapper.GroupComparisonName, 5)],
            report.Breakdowns.Clinics.Select(line => (line.Name, line.Completions)));
        Assert.Equal(ConversionCell.Matured(28, 4, 2), report.Breakdowns.Clinics[^1].Conversion(28));
        Assert.Equal(2, report.Trend.Sum(month => month.AcuteCompletions));
    }

    [Fact]
    public void ForClinic_ThrowsAUserError_WhenTheClinicIsUnknown()
    {
        var failure = Assert.Throws<UserInputException>(() => Mapper().ForClinic("c9"));

        Assert.Equal("Unknown clinic 'c9': known clinics: c1, c2.", failure.Message);
    }

    [Fact]
    public void ForAllClinics_DefinesTheBreakdownPeriod_AndListsEverySettingInForce()
    {
        var report = Mapper().ForAllClinics();

        Assert.Contains(report.Definitions.Definitions, definition => definition.Name == "Breakdown period" && definition.Setting == "Retention:CohortMonths" && definition.Value == "12");
        // The retention definitions, the breakdown period, and the report's three on uncertainty.
        Assert.Equal(RetentionDefinitions.For(new RetentionOptions()).Count + 4, report.Definitions.Definitions.Count);
        Assert.Contains(report.Definitions.Definitions, definition => definition.Name == "Rise, fall or no clear change" && definition.Setting == "Reports:ChangeSignificance" && definition.Value == "0.05");
        Assert.Contains(new ReportSetting("Reports:FewPatients", "20"), report.Definitions.Settings);
        foreach (var setting in typeof(RetentionOptions).GetProperties().Select(property => "Retention:" + property.Name))
        {
            Assert.Contains(report.Definitions.Settings, entry => entry.Name == setting);
        }

        Assert.Contains(new ReportSetting("Retention:ConversionWindowsDays", "28, 60, 90"), report.Definitions.Settings);
        Assert.Contains(new ReportSetting("Reports:NotableRateChangePoints", "5"), report.Definitions.Settings);
    }

    [Fact]
    public void PatientsToCall_HoldsTheRowsTheFlagsWithTextsGive_InTheSheetOrder_WhenBuiltFromFlagsWithoutTexts()
    {
        // Random patients over three clinics, so every kind of reason is compared: discharged, stopped
        // coming, no episode recorded, lapsed; a named provider, one the directory does not name, none.
        var generator = new RandomHistoryGenerator(7, AsOf);
        var histories = Enumerable.Range(0, 3_000).Select(generator.Next).ToList();
        var withTexts = new RetentionRun(new RetentionOptions(), AsOf, September, RandomClinics.ClinicIds, RandomClinics.ProviderNames);
        var flags = new List<PatientFlag>();
        withTexts.AddAll(histories, flags.Add);
        var (metrics, flagged) = Run(histories, RandomClinics);
        var mapper = new MonthlyReportMapper(metrics, flagged, RandomClinics, new RetentionOptions(), new ReportsOptions());

        var all = mapper.ForAllClinics().PatientsToCall;
        var c2 = mapper.ForClinic("c2").PatientsToCall;

        // The rows as the report made them when it held every flag with its texts, and sorted them.
        var expected = flags
            .Select(flag => new PatientToCallRow(
                flag.PatientId,
                flag.ClinicId,
                RandomClinics.ClinicNameOrId(flag.ClinicId),
                flag.Kind,
                flag.EndType?.ToContractName(),
                flag.AcuteEnd,
                flag.LastMaintenance,
                RandomClinics.ProviderNameOrId(flag.DischargingProviderId),
                flag.DaysSince,
                flag.Priority,
                flag.Reason))
            .OrderByDescending(row => row.Priority)
            .ThenBy(row => row.ClinicId, StringComparer.Ordinal)
            .ThenBy(row => row.PatientId, StringComparer.Ordinal)
            .ToList();
        Assert.True(expected.Count >= 300, $"only {expected.Count} flags: too few to compare every kind of reason");
        Assert.Equal(expected, all);
        Assert.Equal(expected, Enumerable.Range(0, all.Count).Select(index => all[index]));
        Assert.Equal(expected.Where(row => row.ClinicId == "c2"), c2);
    }

    [Fact]
    public void ForClinic_ShowsTheKeptNumbers_WhenGivenThemForTheClinic()
    {
        // Arrange
        var (metrics, flags) = Run();
        var eastside = metrics.For("c1")!;
        var fresh = FreshNumbers.TrendOf(metrics, eastside);
        List<TrendMonth> keptTrend = [fresh[0] with { AcuteCompletions = 42 }, .. fresh.Skip(1)];
        RestatedMonth[] restated = [new(new CalendarMonth(2024, 10), new DateOnly(2025, 9, 15))];
        var outreach = new OutreachReport(14, [], [], [], [], [], []);
        var kept = new Dictionary<string, KeptNumbers>
        {
            ["c1"] = new(new ReportSnapshotResult(keptTrend, FreshNumbers.CohortsOf(eastside), [], restated), outreach),
        };
        var mapper = new MonthlyReportMapper(metrics, flags, Clinics, new RetentionOptions(), new ReportsOptions(), kept);

        // Act
        var keptReport = mapper.ForClinic("c1");
        var freshReport = mapper.ForClinic("c2");

        // Assert
        Assert.Equal(42, keptReport.Trend[0].AcuteCompletions);
        Assert.Equal(restated, keptReport.Definitions.RestatedMonths);
        Assert.Same(outreach, keptReport.Outreach);
        Assert.Contains(keptReport.Definitions.Definitions, row => row.Name == "Past months");
        Assert.Equal(FreshNumbers.TrendOf(metrics, metrics.For("c2")!)[0].AcuteCompletions, freshReport.Trend[0].AcuteCompletions);
        Assert.Null(freshReport.Outreach);
        Assert.DoesNotContain(freshReport.Definitions.Definitions, row => row.Name == "Past months");
    }

    [Fact]
    public void ForAllClinics_ListsNoDeceasedPatientToCall_AndCountsThoseWithAppointmentsAfterDeath_UnderDataQuality()
    {
        // p9 would be dropped after acute, but died on 1 August; a completed visit on 5 August is in the data.
        var died = new PatientHistoryBuilder().Patient("p9", "c1")
            .Episode("e9", new DateOnly(2025, 6, 1), new DateOnly(2025, 7, 15), "goals_met")
            .AcuteVisitsBefore(new DateOnly(2025, 7, 15), 2)
            .Acute(new DateOnly(2025, 8, 5))
            .DiedOn(new DateOnly(2025, 8, 1))
            .Build();
        var (metrics, flags) = Run(Histories().Append(died), Clinics);

        var report = new MonthlyReportMapper(metrics, flags, Clinics, new RetentionOptions(), new ReportsOptions()).ForAllClinics();

        Assert.DoesNotContain(report.PatientsToCall, patient => patient.PatientId == "p9");
        var row = Assert.Single(report.DataQuality, row => row.Kind == "appointment_after_death");
        Assert.Equal(1, row.Count);
        Assert.Equal(["p9"], row.ExampleIds);
    }

    private static MonthlyReportMapper Mapper()
    {
        var (metrics, flags) = Run();
        return new MonthlyReportMapper(metrics, flags, Clinics, new RetentionOptions(), new ReportsOptions());
    }

    private static (RetentionMetrics Metrics, List<FlaggedPatient> Flags) Run() => Run(Histories(), Clinics);

    private static (RetentionMetrics Metrics, List<FlaggedPatient> Flags) Run(IEnumerable<PatientHistory> histories, ClinicDirectory clinics)
    {
        var run = new RetentionRun(new RetentionOptions(), AsOf, September, clinics.ClinicIds, clinics.ProviderNames);
        var flags = new List<FlaggedPatient>();
        foreach (var history in histories)
        {
            if (run.AddFlagged(history) is { } flag)
            {
                flags.Add(flag);
            }
        }

        return (run.Build(), flags);
    }

    private static IEnumerable<PatientHistory> Histories()
    {
        // p1: discharged 10 June, maintenance 20 June (converted; lapsed by October).
        yield return new PatientHistoryBuilder().Patient("p1", "c1")
            .Episode("e1", new DateOnly(2025, 5, 1), new DateOnly(2025, 6, 10), "goals_met")
            .AcuteVisitsBefore(new DateOnly(2025, 6, 10), 3)
            .Maintenance(new DateOnly(2025, 6, 20))
            .Build();

        // p2: self-discharged 20 August, maintenance 5 September (converted within 28 days, not lapsed yet).
        yield return new PatientHistoryBuilder().Patient("p2", "c1")
            .Episode("e2", new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 20), "self_discharged")
            .AcuteVisitsBefore(new DateOnly(2025, 8, 20), 2, provider: "pr2")
            .Maintenance(new DateOnly(2025, 9, 5))
            .Build();

        // p3: referred out 15 July, no maintenance: dropped after acute.
        yield return new PatientHistoryBuilder().Patient("p3", "c2")
            .Episode("e3", new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 15), "referred_out")
            .AcuteVisitsBefore(new DateOnly(2025, 7, 15), 2, provider: "pr3")
            .Build();

        // p4: discharged 10 September, maintenance 20 September: every window still open.
        yield return new PatientHistoryBuilder().Patient("p4", "c2")
            .Episode("e4", new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 10), "goals_met")
            .AcuteVisitsBefore(new DateOnly(2025, 9, 10), 1, provider: "pr3")
            .Maintenance(new DateOnly(2025, 9, 20))
            .Build();

        // p5: discharged 10 April, never converted, do not contact: counted, never flagged.
        yield return new PatientHistoryBuilder().Patient("p5", "c1").DoNotContact()
            .Episode("e5", new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 10), "goals_met")
            .AcuteVisitsBefore(new DateOnly(2025, 4, 10), 2)
            .Build();
    }
}
