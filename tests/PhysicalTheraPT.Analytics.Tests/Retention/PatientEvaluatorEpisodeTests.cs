using PhysicalTheraPT.Analytics.Retention;
using static PhysicalTheraPT.Analytics.Tests.Retention.PatientHistoryBuilder;
using static PhysicalTheraPT.Analytics.Tests.Retention.RetentionTestData;

namespace PhysicalTheraPT.Analytics.Tests.Retention;

/// <summary>Episodes, their acute ends and membership of appointments, at the boundaries of issue 3.</summary>
public sealed class PatientEvaluatorEpisodeTests
{
    [Theory]
    [InlineData(20, false)]
    [InlineData(21, true)]
    public void Evaluate_EndsOpenEpisodeAsSelfDischarged_OnlyAfterImplicitDischargeDays(int daysSinceLastVisit, bool ended)
    {
        var patient = new PatientHistoryBuilder()
            .Episode("e1", Day(60))
            .AcuteVisits("e1", Day(55), Day(daysSinceLastVisit));

        var evaluation = Evaluate(patient.Build());

        var episode = Assert.Single(evaluation.Episodes);
        Assert.Equal(!ended, evaluation.InAcuteCare);
        Assert.Equal(ended ? Day(daysSinceLastVisit) : null, episode.End);
        Assert.Equal(ended ? AcuteEndType.SelfDischarged : null, episode.EndType);
        Assert.Equal(2, episode.Visits);
    }

    [Theory]
    [InlineData(20, false)]
    [InlineData(21, true)]
    public void Evaluate_EndsOpenEpisodeWithoutVisits_AtItsStart(int daysSinceStart, bool ended)
    {
        var evaluation = Evaluate(new PatientHistoryBuilder().Episode("e1", Day(daysSinceStart)).Build());

        var episode = Assert.Single(evaluation.Episodes);
        Assert.Equal(ended ? Day(daysSinceStart) : null, episode.End);
        Assert.Equal(0, episode.Visits);
    }

    [Theory]
    [InlineData(AppointmentStatus.Booked, 0)]
    [InlineData(AppointmentStatus.Booked, -7)]
    [InlineData(AppointmentStatus.Completed, -7)]
    public void Evaluate_KeepsEpisodeActive_WhenAcuteAppointmentIsBookedOnOrAfterAsOf(AppointmentStatus status, int daysBefore)
    {
        var patient = new PatientHistoryBuilder()
            .Episode("e1", Day(90))
            .AcuteVisits("e1", Day(80), Day(40))
            .Acute(Day(daysBefore), "e1", status);

        var evaluation = Evaluate(patient.Build());

        Assert.True(evaluation.InAcuteCare);
        Assert.True(evaluation.Episodes[0].IsActive);
        Assert.Equal(2, evaluation.Episodes[0].Visits);
        Assert.Null(evaluation.Flag);
    }

    [Fact]
    public void Evaluate_KeepsPatientInAcuteCare_WhenFutureBookingBelongsToNoEpisode()
    {
        var patient = new PatientHistoryBuilder()
            .Episode("e1", Day(90), Day(40), "goals_met")
            .Acute(Day(-3), status: AppointmentStatus.Booked);

        var evaluation = Evaluate(patient.Build());

        Assert.Equal(Day(40), evaluation.Episodes[0].End);
        Assert.True(evaluation.InAcuteCare);
        Assert.Null(evaluation.Flag);
    }

    [Fact]
    public void Evaluate_EndsDischargedEpisode_AtDischargeDate_WhateverTheVisits()
    {
        var patient = new PatientHistoryBuilder()
            .Episode("e1", Day(90), Day(40), null)
            .Acute(Day(60), "e1", provider: "pr1")
            .Acute(Day(35), "e1", provider: "pr2", appointmentId: "late");

        var evaluation = Evaluate(patient.Build());

        var episode = Assert.Single(evaluation.Episodes);
        Assert.Equal(Day(40), episode.End);
        Assert.Equal(AcuteEndType.Other, episode.EndType);
        Assert.True(episode.EndedByDischarge);
        Assert.Equal(2, episode.Visits);
        Assert.Equal("pr2", episode.DischargingProviderId);
        Assert.Contains(new DataQualityNote(DataQualityIssue.VisitAfterDischarge, "c1", "late"), evaluation.DataQualityNotes);
    }

    [Fact]
    public void Evaluate_TreatsDischargeOnOrAfterAsOf_AsNotYetDischarged()
    {
        var patient = new PatientHistoryBuilder()
            .Episode("e1", Day(90), Day(0), "goals_met")
            .AcuteVisits("e1", Day(80), Day(30));

        var episode = Assert.Single(Evaluate(patient.Build()).Episodes);

        Assert.Equal(Day(30), episode.End);
        Assert.Equal(AcuteEndType.SelfDischarged, episode.EndType);
        Assert.False(episode.EndedByDischarge);
    }

    [Fact]
    public void Evaluate_PutsVisitsWithoutEpisodeId_InTheLatestStartedCoveringEpisode()
    {
        var patient = new PatientHistoryBuilder()
            .Episode("e1", Day(100), Day(50), "goals_met")
            .Episode("e2", Day(70), Day(30), "goals_met")
            .Acute(Day(90))
            .Acute(Day(60))
            .Acute(Day(40));

        var episodes = Evaluate(patient.Build()).Episodes;

        Assert.Equal(2, episodes.Count);
        Assert.Equal(1, episodes.Single(e => e.EpisodeId == "e1").Visits);
        Assert.Equal(2, episodes.Single(e => e.EpisodeId == "e2").Visits);
    }

    [Fact]
    public void Evaluate_PrefersGreaterEpisodeId_WhenCoveringEpisodesStartTheSameDay()
    {
        var patient = new PatientHistoryBuilder()
            .Episode("e2", Day(100), Day(50), "goals_met")
            .Episode("e1", Day(100), Day(50), "goals_met")
            .Acute(Day(90));

        var episodes = Evaluate(patient.Build()).Episodes;

        Assert.Equal(1, episodes.Single(e => e.EpisodeId == "e2").Visits);
        Assert.Equal(0, episodes.Single(e => e.EpisodeId == "e1").Visits);
    }

    [Theory]
    [InlineData(20, 1)]
    [InlineData(21, 2)]
    public void Evaluate_SplitsUncoveredVisitsIntoImplicitEpisodes_AtGapsOfImplicitDischargeDays(int gapDays, int expectedEpisodes)
    {
        var patient = new PatientHistoryBuilder()
            .Acute(Day(200), clinic: "c1")
            .Acute(Day(200), clinic: "c1")
            .Acute(Day(200 - gapDays), clinic: "c2", provider: "pr2");

        var episodes = Evaluate(patient.Build()).Episodes;

        Assert.Equal(expectedEpisodes, episodes.Count);
        Assert.All(episodes, e => Assert.True(e.IsImplicit));
        Assert.All(episodes, e => Assert.Equal(AcuteEndType.Unrecorded, e.EndType));
        var last = episodes[^1];
        Assert.Equal(Day(200 - gapDays), last.End);
        Assert.Equal("c2", last.ClinicId);
        Assert.Equal("pr2", last.DischargingProviderId);
        Assert.Equal(expectedEpisodes == 1 ? 3 : 1, last.Visits);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void Evaluate_KeepsImplicitEpisodeActive_UntilImplicitDischargeDays(int daysSinceLastVisit, bool active)
    {
        var evaluation = Evaluate(new PatientHistoryBuilder().Acute(Day(40)).Acute(Day(daysSinceLastVisit)).Build());

        Assert.Equal(active, evaluation.InAcuteCare);
        Assert.Equal(active, evaluation.Episodes[0].IsActive);
    }

    [Fact]
    public void Evaluate_FlagsImplicitEpisode_AsDroppedWithUnrecordedEnd()
    {
        var flag = FlagOf(new PatientHistoryBuilder().Acute(Day(40)).Acute(Day(30)));

        Assert.Equal(PatientFlagKind.DroppedAfterAcute, flag?.Kind);
        Assert.Equal(AcuteEndType.Unrecorded, flag!.EndType);
        Assert.Equal(Day(30), flag.AcuteEnd);
        Assert.Equal(2, flag.EpisodeVisits);
    }

    [Fact]
    public void Evaluate_TreatsUnknownEpisodeId_AsNoEpisodeId_AndNotesIt()
    {
        var patient = new PatientHistoryBuilder()
            .Episode("e1", Day(100), Day(50), "goals_met")
            .Acute(Day(80), "other-patients-episode", appointmentId: "a-covered")
            .Acute(Day(40), "ghost", appointmentId: "a-uncovered");

        var evaluation = Evaluate(patient.Build());

        Assert.Equal(1, evaluation.Episodes.Single(e => e.EpisodeId == "e1").Visits);
        Assert.Equal(1, evaluation.Episodes.Single(e => e.IsImplicit).Visits);
        Assert.Contains(new DataQualityNote(DataQualityIssue.UnknownEpisode, "c1", "a-covered"), evaluation.DataQualityNotes);
        Assert.Contains(new DataQualityNote(DataQualityIssue.UnknownEpisode, "c1", "a-uncovered"), evaluation.DataQualityNotes);
    }

    [Fact]
    public void Evaluate_IgnoresEpisodeIdOfMaintenance_AndNotesIt()
    {
        var patient = new PatientHistoryBuilder()
            .Episode("e1", Day(100), Day(50), "goals_met")
            .Maintenance(Day(60), episodeId: "e1", appointmentId: "m1");

        var evaluation = Evaluate(patient.Build());

        Assert.Equal(0, evaluation.Episodes[0].Visits);
        Assert.Equal(Day(60), evaluation.LastMaintenanceVisit);
        Assert.Equal(new DataQualityNote(DataQualityIssue.MaintenanceWithEpisode, "c1", "m1"), Assert.Single(evaluation.DataQualityNotes));
    }

    [Fact]
    public void Evaluate_PicksLatestStartedEpisode_WhenSeveralEndTheSameDay()
    {
        var patient = new PatientHistoryBuilder()
            .Episode("e9", Day(100), Day(30), "goals_met")
            .Episode("e1", Day(80), Day(30), "referred_out");

        var evaluation = Evaluate(patient.Build());

        Assert.Equal("e1", evaluation.Episodes[evaluation.EndedEpisodeIndex].EpisodeId);
    }

    [Fact]
    public void Evaluate_PicksGreaterEpisodeId_WhenEpisodesStartAndEndTheSameDays()
    {
        var patient = new PatientHistoryBuilder()
            .Episode("e2", Day(80), Day(30), "goals_met")
            .Episode("e10", Day(80), Day(30), "referred_out");

        var evaluation = Evaluate(patient.Build());

        Assert.Equal("e2", evaluation.Episodes[evaluation.EndedEpisodeIndex].EpisodeId);
        Assert.Equal(AcuteEndType.GoalsMet, evaluation.Flag?.EndType);
    }

    [Fact]
    public void Evaluate_CoversNothing_WhenEpisodeIsDischargedBeforeItStarted()
    {
        var patient = new PatientHistoryBuilder()
            .Episode("e1", Day(40), Day(50), "goals_met")
            .Acute(Day(45));

        var evaluation = Evaluate(patient.Build());

        Assert.Equal(Day(50), evaluation.Episodes.Single(e => e.EpisodeId == "e1").End);
        Assert.Equal(1, evaluation.Episodes.Single(e => e.IsImplicit).Visits);
        Assert.Contains(new DataQualityNote(DataQualityIssue.DischargeBeforeStart, "c1", "e1"), evaluation.DataQualityNotes);
    }

    [Fact]
    public void Evaluate_Throws_WhenAppointmentsAreNotInDateOrder()
    {
        var history = new PatientHistoryBuilder().Build();
        history.Appointments.Add(new PatientAppointment("a2", Day(10), ServiceKind.PhysicalTherapy, AppointmentStatus.Completed, "c1", null, null));
        history.Appointments.Add(new PatientAppointment("a1", Day(20), ServiceKind.PhysicalTherapy, AppointmentStatus.Completed, "c1", null, null));

        Assert.Throws<ArgumentException>(() => Evaluate(history));
    }
}
