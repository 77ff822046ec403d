using PhysicalTheraPT.Analytics.Reports.Spreadsheets;

namespace PhysicalTheraPT.Analytics.Tests.Reports.Spreadsheets;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("Goals met", "Goals met")]
    [InlineData("snake_case_x", "snake_case_x")]
    [InlineData("bell\u0007", "bell_x0007_")]
    [InlineData("_x0041_", "_x005F_x0041_")]
    [InlineData("smile \U0001F600", "smile \U0001F600")]
    public void Escape_WritesCharactersXmlCannotHoldInTheSpreadsheetEscape(string text, string expected)
    {
        Assert.Equal(expected, SpreadsheetText.Escape(text));
    }

    [Fact]
    public void Escape_EscapesALoneSurrogate_WhichNoXmlCanHold()
    {
        // Built here, not in InlineData: test discovery would replace the lone surrogate with U+FFFD.
        Assert.Equal("lone _xD800_ surrogate", SpreadsheetText.Escape("lone " + '\uD800' + " surrogate"));
    }
}
