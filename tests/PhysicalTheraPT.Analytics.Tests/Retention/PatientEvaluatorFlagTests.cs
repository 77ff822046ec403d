using PhysicalTheraPT.Analytics.Retention;
using static PhysicalTheraPT.Analytics.Tests.Retention.PatientHistoryBuilder;
using static PhysicalTheraPT.Analytics.Tests.Retention.RetentionTestData;

namespace PhysicalTheraPT.Analytics.Tests.Retention;

/// <summary>The two flags at every boundary of issue 3's definitions.</summary>
public sealed class PatientEvaluatorFlagTests
{
    private static PatientHistoryBuilder DischargedDaysAgo(int days, string reason = "goals_met", int? interval = null) =>
        new PatientHistoryBuilder()
            .Episode("e1", Day(days + 40), Day(days), reason, interval)
            .AcuteVisits("e1", Day(days + 35), Day(days + 20), Day(days + 2));

    [Theory]
    [InlineData(13, false)]
    [InlineData(14, true)]
    [InlineData(365, true)]
    [InlineData(366, false)]
    public void Evaluate_FlagsDroppedAfterAcute_OnlyFromGraceDaysToLookbackDays(int daysSinceDischarge, bool flagged)
    {
        var flag = FlagOf(DischargedDaysAgo(daysSinceDischarge));

        Assert.Equal(flagged, flag?.Kind == PatientFlagKind.DroppedAfterAcute);
        if (flagged)
        {
            Assert.Equal(Day(daysSinceDischarge), flag!.AcuteEnd);
            Assert.Equal(daysSinceDischarge, flag.DaysSince);
            Assert.Equal(AcuteEndType.GoalsMet, flag.EndType);
            Assert.Null(flag.LastMaintenance);
        }
    }

    [Theory]
    [InlineData(42, null, false)]
    [InlineData(43, null, true)]
    [InlineData(21, 14, false)]
    [InlineData(22, 14, true)]
    [InlineData(60, 40, false)]
    [InlineData(61, 40, true)]
    [InlineData(365, null, true)]
    [InlineData(366, null, false)]
    public void Evaluate_FlagsMaintenanceLapsed_OnlyAfterIntervalTimesLapseFactor(int daysSinceMaintenance, int? interval, bool flagged)
    {
        var patient = DischargedDaysAgo(400, interval: interval)
            .Maintenance(Day(399))
            .Maintenance(Day(daysSinceMaintenance));

        var flag = FlagOf(patient);

        Assert.Equal(flagged, flag?.Kind == PatientFlagKind.MaintenanceLapsed);
        if (flagged)
        {
            Assert.Equal(Day(daysSinceMaintenance), flag!.LastMaintenance);
            Assert.Equal(daysSinceMaintenance, flag.DaysSince);
            Assert.Equal(interval ?? 28, flag.MaintenanceIntervalDays);
            Assert.Equal(Day(400), flag.AcuteEnd);
        }
    }

    [Fact]
    public void Evaluate_UsesConfiguredLapseFactorAndDefaultInterval()
    {
        var options = new RetentionOptions { LapseFactor = 2.0, DefaultMaintenanceIntervalDays = 21 };
        var patient = new PatientHistoryBuilder().Maintenance(Day(42));

        Assert.Null(FlagOf(patient, options));
        Assert.Equal(PatientFlagKind.MaintenanceLapsed, FlagOf(new PatientHistoryBuilder().Maintenance(Day(43)), options)?.Kind);
    }

    [Fact]
    public void Evaluate_FlagsLapsed_WhenPatientOnlyEverCameForMaintenance()
    {
        var flag = FlagOf(new PatientHistoryBuilder().Maintenance(Day(100)).Maintenance(Day(50)));

        Assert.Equal(PatientFlagKind.MaintenanceLapsed, flag?.Kind);
        Assert.Null(flag!.AcuteEnd);
        Assert.Null(flag.EndType);
        Assert.Equal(50, flag.DaysSince);
    }

    [Theory]
    [InlineData(AppointmentStatus.Cancelled)]
    [InlineData(AppointmentStatus.NoShow)]
    [InlineData(AppointmentStatus.Booked)]
    public void Evaluate_IgnoresMaintenanceThatDidNotHappen_WhenDecidingDropped(AppointmentStatus status)
    {
        var patient = DischargedDaysAgo(30).Maintenance(Day(10), status);

        var flag = FlagOf(patient);

        Assert.Equal(PatientFlagKind.DroppedAfterAcute, flag?.Kind);
        Assert.Null(flag!.LastMaintenance);
    }

    [Fact]
    public void Evaluate_ReportsStaleBooking_WhenBookedAppointmentIsBeforeAsOf()
    {
        var evaluation = Evaluate(DischargedDaysAgo(30).Maintenance(Day(10), AppointmentStatus.Booked, appointmentId: "stale-1").Build());

        var note = Assert.Single(evaluation.DataQualityNotes);
        Assert.Equal(new DataQualityNote(DataQualityIssue.StaleBooking, "c1", "stale-1"), note);
    }

    [Theory]
    [InlineData(AppointmentStatus.Booked, 0)]
    [InlineData(AppointmentStatus.Booked, -10)]
    [InlineData(AppointmentStatus.Completed, 0)]
    public void Evaluate_DoesNotFlag_WhenMaintenanceIsBookedOnOrAfterAsOf(AppointmentStatus status, int daysBefore)
    {
        Assert.Null(FlagOf(DischargedDaysAgo(30).Maintenance(Day(daysBefore), status)));
        Assert.Null(FlagOf(DischargedDaysAgo(100).Maintenance(Day(90)).Maintenance(Day(daysBefore), status)));
    }

    [Fact]
    public void Evaluate_CountsMaintenanceOnTheDischargeDay_AsAfterTheAcuteEnd()
    {
        var recent = FlagOf(DischargedDaysAgo(30).Maintenance(Day(30)));
        var lapsed = FlagOf(DischargedDaysAgo(50).Maintenance(Day(50)));

        Assert.Null(recent);
        Assert.Equal(PatientFlagKind.MaintenanceLapsed, lapsed?.Kind);
        Assert.Equal(Day(50), lapsed!.LastMaintenance);
    }

    [Fact]
    public void Evaluate_FlagsDropped_WhenMaintenanceWasOnlyBeforeTheLastEpisode()
    {
        var patient = new PatientHistoryBuilder()
            .Maintenance(Day(200))
            .Episode("e2", Day(100), Day(30), "goals_met")
            .AcuteVisits("e2", Day(95), Day(40));

        var flag = FlagOf(patient);

        Assert.Equal(PatientFlagKind.DroppedAfterAcute, flag?.Kind);
        Assert.Equal(Day(200), flag!.LastMaintenance);
        Assert.Equal(30, flag.DaysSince);
    }

    [Fact]
    public void Evaluate_NeverFlags_WhenPatientIsDoNotContact()
    {
        var dropped = FlagOf(DischargedDaysAgo(30).DoNotContact());
        var lapsed = FlagOf(new PatientHistoryBuilder().Maintenance(Day(60)).DoNotContact());

        Assert.Null(dropped);
        Assert.Null(lapsed);
    }

    [Fact]
    public void Evaluate_DoesNotFlag_WhileAnotherEpisodeIsOpen()
    {
        var patient = DischargedDaysAgo(60)
            .Episode("e2", Day(10))
            .Acute(Day(5), "e2");

        var evaluation = Evaluate(patient.Build());

        Assert.True(evaluation.InAcuteCare);
        Assert.Null(evaluation.Flag);
    }

    [Fact]
    public void Evaluate_TakesTheLatestEnd_WhenPatientHadTwoEpisodes()
    {
        var patient = new PatientHistoryBuilder()
            .Episode("e1", Day(300), Day(250), "goals_met")
            .AcuteVisits("e1", Day(290), Day(260))
            .Maintenance(Day(240))
            .Episode("e2", Day(100), Day(20), "referred_out", bodyRegion: "knee")
            .AcuteVisits("e2", Day(90), Day(25));

        var flag = FlagOf(patient);

        Assert.Equal(PatientFlagKind.DroppedAfterAcute, flag?.Kind);
        Assert.Equal(Day(20), flag!.AcuteEnd);
        Assert.Equal(AcuteEndType.ReferredOut, flag.EndType);
        Assert.Equal(Day(240), flag.LastMaintenance);
    }

    [Fact]
    public void Evaluate_UsesIntervalOfTheEpisodeThatEndedLast()
    {
        var patient = new PatientHistoryBuilder()
            .Episode("e1", Day(300), Day(250), "goals_met", maintenanceIntervalDays: 60)
            .Episode("e2", Day(200), Day(150), "goals_met", maintenanceIntervalDays: 14)
            .Maintenance(Day(140))
            .Maintenance(Day(22));

        var flag = FlagOf(patient);

        Assert.Equal(PatientFlagKind.MaintenanceLapsed, flag?.Kind);
        Assert.Equal(14, flag!.MaintenanceIntervalDays);
    }
}
