using PhysicalTheraPT.Analytics.Sources.OpenEmr;

namespace PhysicalTheraPT.Analytics.Tests.Sources.OpenEmr;

public sealed class OpenEmrStatusesTests
{
    [Theory]
    [InlineData("-", "booked")]
    [InlineData("*", "booked")]
    [InlineData("+", "booked")]
    [InlineData("x", "cancelled")]
    [InlineData("%", "cancelled")]
    [InlineData("?", "no_show")]
    [InlineData("@", "completed")]
    [InlineData("~", "completed")]
    [InlineData("!", "no_show")]
    [InlineData("#", "booked")]
    [InlineData("<", "completed")]
    [InlineData(">", "completed")]
    [InlineData("$", "completed")]
    public void Map_GivesTheDefault_WhenTheCodeIsStockAndNotConfigured(string code, string expected)
    {
        Assert.Equal(expected, new OpenEmrStatuses(new Dictionary<string, string>(), "Sources:0:Statuses").Map(code));
    }

    [Fact]
    public void Map_GivesTheConfiguredStatus_WhenTheSettingOverridesADefault()
    {
        var statuses = new OpenEmrStatuses(new Dictionary<string, string> { ["-"] = "Completed" }, "Sources:0:Statuses");

        Assert.Equal("completed", statuses.Map("-"));
    }

    [Fact]
    public void CheckList_ThrowsNamingCodeTitleAndSetting_WhenTheClinicAddedACodeNobodyMapped()
    {
        var statuses = new OpenEmrStatuses(new Dictionary<string, string>(), "Sources:1:Statuses");

        var exception = Assert.Throws<UserInputException>(() => statuses.CheckList([("@", "@ Arrived"), ("T", "T Telehealth done")]));

        Assert.Contains("'T' (T Telehealth done)", exception.Message);
        Assert.Contains("Sources:1:Statuses", exception.Message);
        Assert.DoesNotContain("'@'", exception.Message);
    }

    [Fact]
    public void CheckList_Passes_WhenTheAddedCodeIsConfigured()
    {
        var statuses = new OpenEmrStatuses(new Dictionary<string, string> { ["T"] = "completed" }, "Sources:0:Statuses");

        statuses.CheckList([("T", "T Telehealth done")]);

        Assert.Equal("completed", statuses.Map("T"));
    }

    [Fact]
    public void Map_Throws_WhenAnEventHasACodeThatIsNeitherStockNorConfigured()
    {
        var exception = Assert.Throws<UserInputException>(() => new OpenEmrStatuses(new Dictionary<string, string>(), "Sources:0:Statuses").Map("Z"));

        Assert.Contains("'Z'", exception.Message);
    }

    [Fact]
    public void Constructor_ThrowsNamingTheSetting_WhenAConfiguredStatusIsNotAContractStatus()
    {
        var exception = Assert.Throws<UserInputException>(() =>
            new OpenEmrStatuses(new Dictionary<string, string> { ["@"] = "arrived" }, "Sources:0:Statuses"));

        Assert.Contains("Sources:0:Statuses:@", exception.Message);
    }
}
