using PhysicalTheraPT.Analytics.Outreach.WorkedLists;

namespace PhysicalTheraPT.Analytics.Tests.Outreach.WorkedLists;

public sealed class StaffInitialsTests
{
    [Theory]
    [InlineData("jd", "JD")]
    [InlineData("j.d.", "JD")]
    [InlineData("J D", "JD")]
    [InlineData("ABCDE", "ABCDE")]
    public void Normalize_GivesTheInitialsAsKept_WhenTheyAreOneToFiveLetters(string text, string expected)
    {
        var initials = StaffInitials.Normalize(text);

        Assert.Equal(expected, initials);
    }

    [Theory]
    [InlineData("ABCDEF")]
    [InlineData("J1")]
    [InlineData(". .")]
    public void Normalize_GivesNull_WhenTheTextIsNotInitials(string text)
    {
        var initials = StaffInitials.Normalize(text);

        Assert.Null(initials);
    }
}
