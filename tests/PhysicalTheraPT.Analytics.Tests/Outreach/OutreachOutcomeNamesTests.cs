using PhysicalTheraPT.Analytics.Outreach;

namespace PhysicalTheraPT.Analytics.Tests.Outreach;

public sealed class OutreachOutcomeNamesTests
{
    [Fact]
    public void All_ListsTheSixOutcomesInDropdownOrder()
    {
        Assert.Equal(["not_reached", "left_message", "booked", "declined", "do_not_contact", "wrong_number"], OutreachOutcomeNames.All);
    }

    [Theory]
    [InlineData("booked", OutreachOutcome.Booked)]
    [InlineData(" do_not_contact ", OutreachOutcome.DoNotContact)]
    public void TryParse_ReadsAnOutcome_WhenNameIsExact(string text, OutreachOutcome expected)
    {
        Assert.True(OutreachOutcomeNames.TryParse(text, out var outcome));
        Assert.Equal(expected, outcome);
    }

    [Theory]
    [InlineData("Booked")]
    [InlineData("called")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Refuses_WhenNameIsNotOneOfTheOutcomes(string? text)
    {
        Assert.False(OutreachOutcomeNames.TryParse(text, out _));
    }
}
