using PhysicalTheraPT.Analytics.Retention;
using static PhysicalTheraPT.Analytics.Tests.Retention.PatientHistoryBuilder;
using static PhysicalTheraPT.Analytics.Tests.Retention.RetentionTestData;

namespace PhysicalTheraPT.Analytics.Tests.Retention;

/// <summary>What front desk reads: the reason sentence, the priority and its explanation.</summary>
public sealed class FlagReasonAndPriorityTests
{
    private static PatientHistoryBuilder DischargedWithVisits(int daysAgo, int visits, string? reason = "goals_met", string provider = "pr1")
    {
        var patient = new PatientHistoryBuilder().Episode("e1", Day(daysAgo + 100), daysAgo < 0 ? null : Day(daysAgo), reason);
        for (var i = 0; i < visits; i++)
        {
            patient.Acute(Day(daysAgo + 90 - (i * 5)), "e1", provider: provider);
        }

        return patient;
    }

    [Fact]
    public void Reason_NamesDischargeDateTypeVisitsAndProvider_WhenDroppedAfterDischarge()
    {
        var flag = FlagOf(DischargedWithVisits(14, 14));

        Assert.Equal("Discharged 1 Oct (goals met) after 14 visits with Dana Ruiz; no maintenance booked", flag?.Reason);
        Assert.Equal("pr1", flag!.DischargingProviderId);
    }

    [Fact]
    public void Reason_ShowsYearAndSingleVisit_WhenEndIsInAnotherYear()
    {
        var flag = FlagOf(DischargedWithVisits(300, 1, "referred_out", provider: "pr2"));

        Assert.Equal("Discharged 19 Dec 2024 (referred out) after 1 visit with Sam Okafor; no maintenance booked", flag?.Reason);
    }

    [Fact]
    public void Reason_SaysVisitsStopped_WhenEpisodeHasNoRecordedDischarge()
    {
        var patient = new PatientHistoryBuilder().Episode("e1", Day(60)).AcuteVisits("e1", Day(50), Day(40), Day(30));
        var withoutEpisode = new PatientHistoryBuilder().Acute(Day(30), provider: "unknown-provider");

        Assert.Equal("Last acute visit 15 Sep (stopped coming, no discharge recorded) after 3 visits with Dana Ruiz; no maintenance booked", FlagOf(patient)?.Reason);
        Assert.Equal("Last acute visit 15 Sep (no episode recorded) after 1 visit with provider unknown-provider; no maintenance booked", FlagOf(withoutEpisode)?.Reason);
    }

    [Fact]
    public void Reason_NamesLastMaintenanceAndInterval_WhenLapsed()
    {
        var flag = FlagOf(new PatientHistoryBuilder().Maintenance(Day(80)).Maintenance(Day(50)));

        Assert.Equal("Last maintenance 26 Aug, 50 days ago (usual interval 28 days); nothing booked", flag?.Reason);
    }

    [Fact]
    public void Priority_GivesFullRecencyAndCappedVisits_RightAfterGracePeriod()
    {
        var flag = FlagOf(DischargedWithVisits(14, 14));

        Assert.Equal(60, flag?.Priority);
        Assert.Equal("recency 40/40 (14 days) + no planned discharge 0/20 + re-injured before 0/20 (1 episode) + visits invested 20/20 (14 visits) = 60", flag!.PriorityExplanation);
    }

    [Theory]
    [InlineData(14, 40)]
    [InlineData(190, 20)]
    [InlineData(365, 0)]
    public void Priority_LosesRecencyLinearly_UntilLookbackDays(int daysSinceEnd, int expectedRecency)
    {
        var flag = FlagOf(DischargedWithVisits(daysSinceEnd, 0));

        Assert.Equal(expectedRecency, flag?.Priority);
    }

    [Fact]
    public void Priority_AddsNoPlannedDischargeAndReinjury_WhenSelfDischargedAfterAnEarlierEpisode()
    {
        var patient = new PatientHistoryBuilder()
            .Episode("e1", Day(400), Day(350), "goals_met")
            .Episode("e2", Day(60), Day(30), "self_discharged")
            .AcuteVisits("e2", Day(55), Day(50), Day(45));

        var flag = FlagOf(patient);

        // recency: 40 × (351 − 16) / 351 = 38.18 → 38; visits: 20 × 3 / 12 = 5.
        Assert.Equal(38 + 20 + 20 + 5, flag?.Priority);
        Assert.Equal("recency 38/40 (30 days) + no planned discharge 20/20 + re-injured before 20/20 (2 episodes) + visits invested 5/20 (3 visits) = 83", flag!.PriorityExplanation);
    }

    [Fact]
    public void Priority_CountsMaintenanceVisitsSinceTheEnd_AsInvested_WhenLapsed()
    {
        var patient = DischargedWithVisits(200, 2)
            .Maintenance(Day(190)).Maintenance(Day(160)).Maintenance(Day(130)).Maintenance(Day(100));

        var flag = FlagOf(patient);

        // recency from the first lapsed day (43): 40 × (322 − 57) / 322 = 32.9 → 33; visits 20 × 6 / 12 = 10.
        Assert.Equal(PatientFlagKind.MaintenanceLapsed, flag?.Kind);
        Assert.Equal(33 + 10, flag!.Priority);
    }

    [Fact]
    public void Priority_FollowsConfiguredWeights()
    {
        var options = new RetentionOptions { PriorityRecencyWeight = 0, PrioritySelfDischargedWeight = 0, PriorityReinjuryWeight = 0, PriorityVisitsWeight = 100, PriorityVisitsForFullWeight = 4 };

        var flag = FlagOf(DischargedWithVisits(100, 3), options);

        Assert.Equal(75, flag?.Priority);
    }
}
