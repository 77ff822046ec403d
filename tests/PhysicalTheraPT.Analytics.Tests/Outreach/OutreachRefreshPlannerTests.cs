using PhysicalTheraPT.Analytics.Outreach;
using static PhysicalTheraPT.Analytics.Tests.Outreach.OutreachItemBuilder;

namespace PhysicalTheraPT.Analytics.Tests.Outreach;

public sealed class OutreachRefreshPlannerTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 10);

    private readonly OutreachRefreshPlanner planner = new(new OutreachRules(new OutreachOptions()));
    private int ids;

    [Fact]
    public void Plan_OpensOneItemPerFlaggedPatient_WhenThePatientHasNoHistory()
    {
        var plan = Plan([Flagged("p1"), Flagged("p2"), Flagged("p1")], []);

        Assert.Equal(["p1", "p2"], plan.Opened.Select(item => item.PatientId));
        Assert.All(plan.Opened, item => Assert.Equal((AsOf, true), (item.FirstListed, item.IsOpen)));
        Assert.Equal(["p1", "p2"], plan.Due);
    }

    [Fact]
    public void Plan_NeverOpensASecondItem_WhenThePatientHasAnOpenOne()
    {
        var plan = Plan([Flagged("p1", priority: 70)], [new OutreachPatientState("p1", OpenItem: Open())]);

        Assert.Empty(plan.Opened);
        Assert.Equal(70, Assert.Single(plan.Updated).Priority);
        Assert.Equal(["p1"], plan.Due);
    }

    [Fact]
    public void Plan_ClosesInOrderOfPrecedence_BookedThenNewEpisodeThenNoLongerFlagged()
    {
        string[] patients = ["p1", "p2", "p3", "p4"];
        var states = patients.Select(patient => new OutreachPatientState(patient, OpenItem: Open(patient))).ToList();

        var plan = Plan([Flagged("p1"), Flagged("p2"), Flagged("p4")], states, booked: ["item-p1", "item-p2"], newEpisode: ["item-p2", "item-p3"]);

        var closed = plan.Closed.ToDictionary(item => item.PatientId, item => item.CloseReason);
        Assert.Equal(OutreachCloseReason.Booked, closed["p1"]);
        Assert.Equal(OutreachCloseReason.Booked, closed["p2"]);
        Assert.Equal(OutreachCloseReason.NewEpisode, closed["p3"]);
        Assert.False(closed.ContainsKey("p4"));
        Assert.All(plan.Closed, item => Assert.Equal(AsOf, item.ClosedOn));
    }

    [Fact]
    public void Plan_ClosesAsNoLongerFlagged_WhenThePatientIsNotFlaggedAnyMore()
    {
        var plan = Plan([], [new OutreachPatientState("p1", OpenItem: Open())]);

        Assert.Equal(OutreachCloseReason.NoLongerFlagged, Assert.Single(plan.Closed).CloseReason);
        Assert.Empty(plan.Due);
    }

    [Fact]
    public void Plan_DoesNotReopen_WhenAnItemClosesAndThePatientIsStillFlagged()
    {
        var plan = Plan([Flagged("p1")], [new OutreachPatientState("p1", OpenItem: Open())], booked: ["item-p1"]);

        Assert.Single(plan.Closed);
        Assert.Empty(plan.Opened);
        Assert.Equal(OutreachHoldReason.Cooldown, plan.Held["p1"].Reason);
    }

    [Fact]
    public void Plan_HoldsWithoutOpening_WhenTheCooldownOrADeclineOrDoNotContactApplies()
    {
        OutreachPatientState[] states =
        [
            new("p1", LastClosedItem: Closed(OutreachCloseReason.Unreachable, AsOf.AddDays(-29))),
            new("p2", LastClosedItem: Closed(OutreachCloseReason.Declined, AsOf.AddDays(-100)), LastDeclinedOn: AsOf.AddDays(-100)),
            new("p3", DoNotContact: true),
            new("p4", LastClosedItem: Closed(OutreachCloseReason.Unreachable, AsOf.AddDays(-30))),
        ];

        var plan = Plan([Flagged("p1"), Flagged("p2"), Flagged("p3"), Flagged("p4")], states);

        Assert.Equal(["p4"], plan.Opened.Select(item => item.PatientId));
        Assert.Equal(
            [OutreachHoldReason.Cooldown, OutreachHoldReason.Declined, OutreachHoldReason.DoNotContact],
            new[] { "p1", "p2", "p3" }.Select(patient => plan.Held[patient].Reason));
    }

    [Fact]
    public void Plan_KeepsTheItemOpenButOffTheList_WhileAwaitingARetry()
    {
        var plan = Plan([Flagged("p1")], [new OutreachPatientState("p1", OpenItem: Open(attempts: 1, lastContact: AsOf.AddDays(-3)))]);

        Assert.Empty(plan.Closed);
        Assert.Empty(plan.Due);
        Assert.Equal(new OutreachHold(OutreachHoldReason.AwaitingRetry, AsOf.AddDays(4)), plan.Held["p1"]);
    }

    [Fact]
    public void Plan_Refuses_WhenAFlagBelongsToAnotherClinic()
    {
        Assert.Throws<ArgumentException>(() => Plan([Flagged("p1") with { ClinicId = "c2" }], []));
    }

    private OutreachRefreshPlan Plan(
        IReadOnlyList<OutreachCandidate> flagged, IEnumerable<OutreachPatientState> states, string[]? booked = null, string[]? newEpisode = null) =>
        planner.Plan(
            "c1",
            AsOf,
            flagged,
            states.ToDictionary(state => state.PatientId, StringComparer.Ordinal),
            (booked ?? []).ToHashSet(),
            (newEpisode ?? []).ToHashSet(),
            () => "new-" + (++ids).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
