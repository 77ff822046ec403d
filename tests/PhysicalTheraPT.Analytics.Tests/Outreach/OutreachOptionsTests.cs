using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Outreach;

public sealed class OutreachOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new OutreachOptions();

        Assert.Equal((180, 7, 3, 30, 14), (options.DeclineSuppressDays, options.RetryAfterDays, options.MaxAttempts, options.CooldownDays, options.AttributionDays));
        options.Validate();
    }

    [Fact]
    public void Validate_NamesTheSettingAndItsRange_WhenASettingIsOutOfRange()
    {
        var error = Assert.Throws<UserInputException>(new OutreachOptions { MaxAttempts = 0 }.Validate);

        Assert.Contains("Outreach:MaxAttempts = 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("from 1 to 20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_AreDocumented_InDocsOutreach()
    {
        var docs = RepositoryFiles.ReadAllText("docs", "outreach.md");

        foreach (var setting in typeof(OutreachOptions).GetProperties().Select(property => property.Name))
        {
            Assert.Contains("Outreach:" + setting, docs, StringComparison.Ordinal);
        }
    }
}
