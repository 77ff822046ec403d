using PhysicalTheraPT.Analytics.Retention;
using static PhysicalTheraPT.Analytics.Tests.Retention.RetentionTestData;

namespace PhysicalTheraPT.Analytics.Tests.Retention;

/// <summary>The monthly numbers of issue 3 for small hand-made clinic groups (clinics c1, c2, c3).</summary>
public sealed class RetentionMetricsBuilderTests
{
    private static readonly CalendarMonth September = new(2025, 9);

    private static DateOnly Date(int month, int day, int year = 2025) => new(year, month, day);

    private static PatientHistoryBuilder Discharged(string patient, DateOnly end, string reason = "goals_met", string clinic = "c1", int visits = 3, string? provider = "pr1") =>
        new PatientHistoryBuilder().Patient(patient, clinic)
            .Episode(patient + "-e1", end.AddDays(-60), end, reason)
            .AcuteVisitsBefore(end, visits, provider);

    [Fact]
    public void Build_CountsCompletionsByEndTypeAndClinic_IncludingClinicsWithoutActivity()
    {
        var recorded = Discharged("p1", Date(9, 10));
        var implicitEpisode = new PatientHistoryBuilder().Patient("p2", "c2").Acute(Date(8, 20), clinic: "c2").Acute(Date(9, 5), clinic: "c2");
        var stillActive = new PatientHistoryBuilder().Patient("p3").Episode("p3-e1", Date(8, 1)).AcuteVisits("p3-e1", Date(9, 15));

        var metrics = MetricsOf(September, null, recorded, implicitEpisode, stillActive);

        Assert.Equal(2, metrics.All.ReportMonth.AcuteCompletions);
        Assert.Equal(1, metrics.All.ReportMonth.CompletionsByEndType[AcuteEndType.GoalsMet]);
        Assert.Equal(1, metrics.All.ReportMonth.CompletionsByEndType[AcuteEndType.Unrecorded]);
        Assert.Equal(1, metrics.For("c1")!.ReportMonth.CompletionsByEndType[AcuteEndType.GoalsMet]);
        Assert.Equal(1, metrics.For("c2")!.ReportMonth.CompletionsByEndType[AcuteEndType.Unrecorded]);
        Assert.Equal(0, metrics.For("c3")!.ReportMonth.AcuteCompletions);
        Assert.Equal(["c1", "c2", "c3"], metrics.Clinics.Select(c => c.ClinicId));
        Assert.Equal(12, metrics.All.Months.Count);
        Assert.Equal(new CalendarMonth(2024, 10), metrics.All.Months[0].Month);
    }

    [Theory]
    [InlineData(10, 1, true)]
    [InlineData(10, 21, true)]
    [InlineData(10, 22, false)]
    public void Build_MarksCompletionsProvisional_UntilImplicitDischargeDaysAfterMonthEnd(int month, int day, bool provisional)
    {
        var metrics = MetricsOf(September, Date(month, day), Discharged("p1", Date(9, 10)));

        Assert.Equal(provisional, metrics.All.ReportMonth.Provisional);
        Assert.False(metrics.All.Months[^2].Provisional);
    }

    [Theory]
    [InlineData(10, 28, true)]
    [InlineData(10, 29, false)]
    public void Build_ReportsConversionAsMaturing_WhileTheWindowIsOpen(int month, int day, bool maturing)
    {
        var patient = Discharged("p1", Date(9, 10)).Maintenance(Date(9, 30));

        var conversion = MetricsOf(September, Date(month, day), patient).All.ReportMonth.ConversionWithin(28)!;

        Assert.Equal((1, 1, maturing), (conversion.Completions, conversion.Converted, conversion.Maturing));
        Assert.Equal(maturing ? null : 1.0, conversion.Rate);
    }

    [Theory]
    [InlineData(28, 1)]
    [InlineData(29, 0)]
    public void Build_CountsConversion_WhenMaintenanceIsWithinWindowDaysOfTheEnd(int daysAfterEnd, int converted)
    {
        var end = Date(9, 10);
        var patient = Discharged("p1", end).Maintenance(end.AddDays(daysAfterEnd));

        var month = MetricsOf(September, Date(12, 31), patient).All.ReportMonth;

        Assert.Equal(converted, month.ConversionWithin(28)!.Converted);
        Assert.Equal(1, month.ConversionWithin(60)!.Converted);
        Assert.Equal(converted == 1 ? 1.0 : 0.0, month.ConversionWithin(28)!.Rate);
    }

    [Fact]
    public void Build_CountsMaintenanceOnTheEndDay_AsConverted_AndIgnoresMaintenanceBefore()
    {
        var onEndDay = Discharged("p1", Date(9, 10)).Maintenance(Date(9, 10));
        var before = Discharged("p2", Date(9, 10)).Maintenance(Date(9, 9));

        var month = MetricsOf(September, Date(12, 31), onEndDay, before).All.ReportMonth;

        Assert.Equal(1, month.ConversionWithin(28)!.Converted);
        Assert.Equal(0.5, month.ConversionWithin(28)!.Rate);
    }

    [Fact]
    public void Build_FillsCohortTable_WithEveryWindowAndItsMaturity()
    {
        var old = Discharged("p1", Date(1, 20)).Maintenance(Date(6, 1));
        var recent = Discharged("p2", Date(8, 20)).Maintenance(Date(9, 1));

        var months = MetricsOf(September, null, old, recent).All.Months;

        var january = months.Single(m => m.Month == new CalendarMonth(2025, 1));
        Assert.Equal([28, 60, 90, 180], january.Cohort.Select(c => c.WindowDays));
        Assert.Equal([0, 0, 0, 1], january.Cohort.Select(c => c.Converted));
        Assert.All(january.Cohort, c => Assert.False(c.Maturing));
        var august = months.Single(m => m.Month == new CalendarMonth(2025, 8));
        Assert.Equal([false, true, true, true], august.Cohort.Select(c => c.Maturing));
        Assert.Equal(1.0, august.Cohort[0].Rate);
        Assert.Null(august.Cohort[1].Rate);
    }

    [Theory]
    [InlineData(8, 6, 1, 1)]
    [InlineData(8, 5, 0, 1)]
    [InlineData(9, 30, 1, 0)]
    public void Build_CountsActiveMaintenancePatients_InTheWindowEndingOnTheMonthsLastDay(int month, int day, int inSeptember, int inAugust)
    {
        var patient = new PatientHistoryBuilder().Maintenance(Date(month, day));

        var months = MetricsOf(September, null, patient).All.Months;

        Assert.Equal(inSeptember, months[^1].ActiveMaintenancePatients);
        Assert.Equal(inAugust, months[^2].ActiveMaintenancePatients);
        Assert.Equal(inSeptember - inAugust, months[^1].ActiveMaintenanceChange);
    }

    [Fact]
    public void Build_CountsActiveMaintenancePatientsOnce_ForAllClinics_WhenTheyVisitTwoClinics()
    {
        var patient = new PatientHistoryBuilder()
            .Maintenance(Date(9, 1), clinic: "c1").Maintenance(Date(9, 10), clinic: "c1").Maintenance(Date(9, 20), clinic: "c2");
        var other = new PatientHistoryBuilder().Patient("p2", "c2").Maintenance(Date(9, 3), clinic: "c2");

        var metrics = MetricsOf(September, null, patient, other);

        Assert.Equal(2, metrics.All.ReportMonth.ActiveMaintenancePatients);
        Assert.Equal(1, metrics.For("c1")!.ReportMonth.ActiveMaintenancePatients);
        Assert.Equal(2, metrics.For("c2")!.ReportMonth.ActiveMaintenancePatients);
    }

    [Fact]
    public void Build_GivesVisitQuartiles_AsPercentileInc_ForEvenCount()
    {
        var patients = new[] { 2, 4, 6, 8 }.Select((visits, i) => Discharged($"p{i}", Date(9, 10), visits: visits)).ToArray();

        var visits = MetricsOf(September, null, patients).All.ReportMonth.VisitsPerEpisode;

        Assert.Equal(new VisitDistribution(4, 5.0, 3.5, 6.5), visits);
    }

    [Fact]
    public void Build_GivesVisitQuartiles_AsPercentileInc_ForOddCount_CountingEpisodesWithoutVisitsAsZero()
    {
        var patients = new[] { 0, 2, 3, 10, 11 }.Select((visits, i) => Discharged($"p{i}", Date(9, 10), visits: visits)).ToArray();

        var visits = MetricsOf(September, null, patients).All.ReportMonth.VisitsPerEpisode;

        Assert.Equal(new VisitDistribution(5, 3.0, 2.0, 10.0), visits);
    }

    [Fact]
    public void Build_LeavesQuartilesEmpty_WhenNoEpisodeCompleted()
    {
        var visits = MetricsOf(September, null).All.ReportMonth.VisitsPerEpisode;

        Assert.Equal(new VisitDistribution(0, null, null, null), visits);
    }

    [Theory]
    [InlineData(28, 0, 0, 1)]
    [InlineData(29, 1, 1, 0)]
    [InlineData(721, 1, 1, 0)]
    [InlineData(730, 1, 0, 0)]
    public void Build_PutsACompletionInItsGroupOrApart_ByTheDaysToTheNextEpisode(int daysToNext, int inGroup, int newEpisodes, int backWithin28)
    {
        // E = 10 Oct 2023, the oldest month counted; D = 1 Oct 2025 is 722 days later, so a start on
        // day 730 or 731 is not seen before D: censored at D − 1 − E = 721 days.
        var end = Date(10, 10, 2023);
        var converted = Discharged("p1", end).Maintenance(end.AddDays(20))
            .Episode("p1-e2", end.AddDays(daysToNext), null);

        var recurrence = MetricsOf(September, null, converted).All.Recurrence.All;

        Assert.Equal((inGroup, backWithin28), (recurrence.Converted.Patients, recurrence.BackWithinLandmark));
        Assert.Equal(newEpisodes, recurrence.Converted.NewEpisodes);

    }

    [Fact]
    public void Build_CensorsTheDayBeforeTheAsOfDate_WhenNoNewEpisodeIsSeen()
    {
        // E = 1 Sep 2024, D = 1 Oct 2025: censored at D − 1 − E = 394 days, after the year: S(365) = 1.
        var notConverted = Discharged("p1", Date(9, 1, 2024));
        var newEpisodeAfterYear = Discharged("p2", Date(9, 1, 2024)).Episode("p2-e2", Date(9, 1, 2024).AddDays(380), null);

        var group = MetricsOf(September, null, notConverted, newEpisodeAfterYear).All.Recurrence.All.NotConverted;

        Assert.Equal(2, group.Patients);
        Assert.Equal(1, group.NewEpisodes);
        Assert.Equal(0, group.BackWithinYear);
        Assert.Null(group.BackWithinYearInterval);
        Assert.Equal(380, group.Curve.Steps.Single().Day);
        Assert.Equal(2, group.Curve.Steps.Single().AtRisk);
    }

    [Fact]
    public void Build_LeavesOutCompletionsOutside24MonthsOrBeforeTheLandmark()
    {
        var tooOld = Discharged("p1", Date(9, 30, 2023));
        var tooRecent = Discharged("p2", Date(9, 10));
        var oldest = Discharged("p3", Date(10, 1, 2023));
        var latestPastLandmark = Discharged("p4", Date(9, 2));

        var recurrence = MetricsOf(September, null, tooOld, tooRecent, oldest, latestPastLandmark).All.Recurrence;

        Assert.Equal((new CalendarMonth(2023, 10), September), (recurrence.FirstMonth, recurrence.LastMonth));
        Assert.Equal(2, recurrence.All.NotConverted.Patients);
    }

    [Fact]
    public void Build_ComparesWithinEachEndType_AndCountsForTheEpisodesClinic()
    {
        var goalsMet = Discharged("p1", Date(1, 10), clinic: "c2").Maintenance(Date(1, 20));
        // p2's second episode has no visits and no discharge: it ended self-discharged on its start day
        // and is a completion of its own (not converted, not back): the not-converted group is 2.
        var selfDischarged = Discharged("p2", Date(1, 10), "self_discharged").Episode("p2-e2", Date(4, 1), null);

        var metrics = MetricsOf(September, null, goalsMet, selfDischarged);

        var byEndType = metrics.All.Recurrence.ByEndType.ToDictionary(comparison => comparison.EndType!.Value);
        Assert.Equal((1, 0), (byEndType[AcuteEndType.GoalsMet].Converted.Patients, byEndType[AcuteEndType.GoalsMet].NotConverted.Patients));
        Assert.Equal((0, 2, 1), (byEndType[AcuteEndType.SelfDischarged].Converted.Patients, byEndType[AcuteEndType.SelfDischarged].NotConverted.Patients, byEndType[AcuteEndType.SelfDischarged].NotConverted.NewEpisodes));
        Assert.Equal(1, metrics.For("c2")!.Recurrence.All.Converted.Patients);
        Assert.Equal(0, metrics.For("c1")!.Recurrence.All.Converted.Patients);
        Assert.Equal(0.5, metrics.All.Recurrence.All.NotConverted.BackWithinYear);
    }

    [Fact]
    public void Build_BreaksDownCompletionsAndConversion_ByProviderRegionReferralAndEndType()
    {
        var dana = Discharged("p1", Date(8, 10)).Maintenance(Date(8, 20));
        var sam = Discharged("p2", Date(8, 12), "referred_out", provider: "pr2");
        var implicitEpisode = new PatientHistoryBuilder().Patient("p3", "c2").Acute(Date(8, 1), clinic: "c2", provider: null);

        var rows = MetricsOf(September, null, dana, sam, implicitEpisode).All.Months[^2].Breakdowns;

        string Row(BreakdownDimension dimension, string? key)
        {
            var row = rows.Single(r => r.Dimension == dimension && r.Key == key);
            return $"{row.Completions}/{row.Conversion[0].Converted}";
        }

        Assert.Equal("2/1", Row(BreakdownDimension.Clinic, "c1"));
        Assert.Equal("1/0", Row(BreakdownDimension.Clinic, "c2"));
        Assert.Equal("1/1", Row(BreakdownDimension.DischargingProvider, "pr1"));
        Assert.Equal("1/0", Row(BreakdownDimension.DischargingProvider, "pr2"));
        Assert.Equal("1/0", Row(BreakdownDimension.DischargingProvider, null));
        Assert.Equal("2/1", Row(BreakdownDimension.BodyRegion, "lumbar"));
        Assert.Equal("1/0", Row(BreakdownDimension.BodyRegion, null));
        Assert.Equal("2/1", Row(BreakdownDimension.ReferralSource, "physician"));
        Assert.Equal("1/1", Row(BreakdownDimension.EndType, "goals_met"));
        Assert.Equal("1/0", Row(BreakdownDimension.EndType, "referred_out"));
        Assert.Equal("1/0", Row(BreakdownDimension.EndType, "unrecorded"));
        Assert.Null(rows.Last(r => r.Dimension == BreakdownDimension.DischargingProvider).Key);
    }

    [Fact]
    public void Build_CountsFlagsPerPatientsClinic_AndCountsDoNotContactInCompletionsOnly()
    {
        var dropped = Discharged("p1", Date(9, 10));
        var droppedDoNotContact = Discharged("p2", Date(9, 10)).DoNotContact();
        var lapsed = new PatientHistoryBuilder().Patient("p3", "c2").Maintenance(Date(7, 1), clinic: "c1");

        var metrics = MetricsOf(September, Date(10, 15), dropped, droppedDoNotContact, lapsed);

        Assert.Equal((1, 1), (metrics.All.DroppedAfterAcute, metrics.All.MaintenanceLapsed));
        Assert.Equal((1, 0), (metrics.For("c1")!.DroppedAfterAcute, metrics.For("c1")!.MaintenanceLapsed));
        Assert.Equal((0, 1), (metrics.For("c2")!.DroppedAfterAcute, metrics.For("c2")!.MaintenanceLapsed));
        Assert.Equal(2, metrics.All.ReportMonth.AcuteCompletions);
    }

    [Fact]
    public void Build_SummarisesDataQuality_WithCountsAndExampleIds()
    {
        var patient = new PatientHistoryBuilder()
            .Maintenance(Date(9, 1), AppointmentStatus.Booked, appointmentId: "s1")
            .Maintenance(Date(9, 2), AppointmentStatus.Booked, appointmentId: "s2", clinic: "c2");

        var metrics = MetricsOf(September, null, patient);

        var summary = Assert.Single(metrics.All.DataQuality);
        Assert.Equal((DataQualityIssue.StaleBooking, 2), (summary.Issue, summary.Count));
        Assert.Equal(["s1", "s2"], metrics.All.DataQuality.Single().Examples);
        Assert.Equal(["s2"], metrics.For("c2")!.DataQuality.Single().Examples);
    }

    [Fact]
    public void Add_Throws_WhenEvaluationIsAsOfAnotherDate()
    {
        var builder = new RetentionMetricsBuilder(new RetentionOptions(), Date(10, 1), September, ["c1"]);
        var evaluation = new PatientEvaluator(new RetentionOptions()).Evaluate(new PatientHistoryBuilder().Build(), Date(10, 2));

        Assert.Throws<ArgumentException>(() => builder.Add(evaluation));
    }
}
