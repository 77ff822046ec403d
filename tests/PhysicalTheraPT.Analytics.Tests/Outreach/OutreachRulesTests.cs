using PhysicalTheraPT.Analytics.Outreach;
using static PhysicalTheraPT.Analytics.Tests.Outreach.OutreachItemBuilder;

namespace PhysicalTheraPT.Analytics.Tests.Outreach;

/// <summary>The not-nagging rules with the default settings: retry 7, max 3 attempts, cooldown 30, decline 180 days.</summary>
public sealed class OutreachRulesTests
{
    private static readonly DateOnly Called = new(2026, 3, 4);

    private readonly OutreachRules rules = new(new OutreachOptions());

    [Theory]
    [InlineData(6, true)]
    [InlineData(7, false)]
    public void HoldFor_HoldsUntilRetryAfterDays_WhenTheLastTryDidNotReachThePatient(int daysLater, bool held)
    {
        var state = new OutreachPatientState("p1", OpenItem: Open(attempts: 1, lastContact: Called));

        var hold = rules.HoldFor(state, Called.AddDays(daysLater));

        Assert.Equal(held, hold is not null);
        if (held)
        {
            Assert.Equal(new OutreachHold(OutreachHoldReason.AwaitingRetry, Called.AddDays(7)), hold);
        }
    }

    [Fact]
    public void HoldFor_ListsAnOpenItem_WhenNobodyTriedYet()
    {
        var state = new OutreachPatientState("p1", OpenItem: Open());

        Assert.Null(rules.HoldFor(state, Listed));
    }

    [Theory]
    [InlineData(OutreachCloseReason.Booked)]
    [InlineData(OutreachCloseReason.Unreachable)]
    [InlineData(OutreachCloseReason.WrongNumber)]
    [InlineData(OutreachCloseReason.NoLongerFlagged)]
    [InlineData(OutreachCloseReason.NewEpisode)]
    public void HoldFor_HoldsForCooldownDays_AfterAnItemClosed(OutreachCloseReason reason)
    {
        var state = new OutreachPatientState("p1", LastClosedItem: Closed(reason, Called));

        Assert.Equal(new OutreachHold(OutreachHoldReason.Cooldown, Called.AddDays(30)), rules.HoldFor(state, Called.AddDays(29)));
        Assert.Null(rules.HoldFor(state, Called.AddDays(30)));
    }

    [Theory]
    [InlineData(179, true)]
    [InlineData(180, false)]
    public void HoldFor_HoldsForDeclineSuppressDays_AfterADecline(int daysLater, bool held)
    {
        var state = new OutreachPatientState("p1", LastClosedItem: Closed(OutreachCloseReason.Declined, Called), LastDeclinedOn: Called);

        var hold = rules.HoldFor(state, Called.AddDays(daysLater));

        Assert.Equal(held ? new OutreachHold(OutreachHoldReason.Declined, Called.AddDays(180)) : null, hold);
    }

    [Fact]
    public void HoldFor_FollowsDeclineSuppressDays_NotTheCooldown_WhenTheItemClosedAsDeclined()
    {
        var shortDecline = new OutreachRules(new OutreachOptions { DeclineSuppressDays = 10, CooldownDays = 30 });
        var state = new OutreachPatientState("p1", LastClosedItem: Closed(OutreachCloseReason.Declined, Called), LastDeclinedOn: Called);

        Assert.Null(shortDecline.HoldFor(state, Called.AddDays(10)));
    }

    [Fact]
    public void HoldFor_HoldsForGood_WhenThePatientAskedNotToBeContacted()
    {
        var state = new OutreachPatientState("p1", LastClosedItem: Closed(OutreachCloseReason.DoNotContact, Called), DoNotContact: true);

        Assert.Equal(new OutreachHold(OutreachHoldReason.DoNotContact, null), rules.HoldFor(state, Called.AddYears(10)));
    }

    [Fact]
    public void Apply_CountsAttemptsAndClosesAsUnreachable_OnTheThirdTry()
    {
        var item = Open();

        var once = rules.Apply(item, OutreachOutcome.NotReached, Called);
        var twice = rules.Apply(once, OutreachOutcome.LeftMessage, Called.AddDays(7));
        var thrice = rules.Apply(twice, OutreachOutcome.NotReached, Called.AddDays(14));

        Assert.Equal((1, true), (once.Attempts, once.IsOpen));
        Assert.Equal((2, true, OutreachOutcome.LeftMessage), (twice.Attempts, twice.IsOpen, twice.LastOutcome));
        Assert.Equal((3, OutreachCloseReason.Unreachable, Called.AddDays(14)), (thrice.Attempts, thrice.CloseReason, thrice.ClosedOn));
    }

    [Theory]
    [InlineData(OutreachOutcome.Booked, OutreachCloseReason.Booked)]
    [InlineData(OutreachOutcome.Declined, OutreachCloseReason.Declined)]
    [InlineData(OutreachOutcome.DoNotContact, OutreachCloseReason.DoNotContact)]
    [InlineData(OutreachOutcome.WrongNumber, OutreachCloseReason.WrongNumber)]
    public void Apply_ClosesTheItemOnTheOutcomeDate_WhenTheOutcomeEndsOutreach(OutreachOutcome outcome, OutreachCloseReason reason)
    {
        var closed = rules.Apply(Open(), outcome, Called);

        Assert.Equal((reason, Called, 0, outcome), (closed.CloseReason, closed.ClosedOn, closed.Attempts, closed.LastOutcome));
    }

    [Fact]
    public void Apply_RecordsHistoryButNeverReopens_WhenTheItemIsClosed()
    {
        var closed = Closed(OutreachCloseReason.NoLongerFlagged, Called);

        var after = rules.Apply(closed, OutreachOutcome.Booked, Called.AddDays(1));

        Assert.Equal((OutreachCloseReason.NoLongerFlagged, Called, OutreachOutcome.Booked), (after.CloseReason, after.ClosedOn, after.LastOutcome));
    }

    [Fact]
    public void Apply_KeepsTheLatestOutcomeAsLast_WhenAnOlderOutcomeArrivesLater()
    {
        var item = rules.Apply(Open(), OutreachOutcome.LeftMessage, Called.AddDays(7));

        var after = rules.Apply(item, OutreachOutcome.NotReached, Called);

        Assert.Equal((2, OutreachOutcome.LeftMessage, Called.AddDays(7)), (after.Attempts, after.LastOutcome, after.LastContactOn));
    }
}
