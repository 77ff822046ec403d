using PhysicalTheraPT.Analytics.Reports;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

public sealed class ReportsOptionsTests
{
    [Fact]
    public void Validate_ThrowsNothing_WhenSettingsAreTheDefaults()
    {
        var options = new ReportsOptions();

        var error = Record.Exception(options.Validate);

        Assert.Null(error);
    }

    [Fact]
    public void Validate_NamesTheSettingAndItsRange_WhenASettingIsOutOfRange()
    {
        var options = new ReportsOptions { ChartWidth = 10 };

        var error = Assert.Throws<UserInputException>(options.Validate);

        Assert.Contains("Reports:ChartWidth = 10", error.Message, StringComparison.Ordinal);
        Assert.Contains("from 400 to 4000", error.Message, StringComparison.Ordinal);
    }
}
