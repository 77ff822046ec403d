using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Analysis;

public sealed class RetentionOptionsTests
{
    [Fact]
    public void Validate_ThrowsNothing_WhenSettingsAreTheDefaults()
    {
        var options = new RetentionOptions();

        var error = Record.Exception(() => RetentionOptionsBinding.Validate(options));

        Assert.Null(error);
    }

    [Theory]
    [InlineData("GraceDays", "-1")]
    [InlineData("LookbackDays", "10")]
    [InlineData("ImplicitDischargeDays", "0")]
    [InlineData("LapseFactor", "0.5")]
    [InlineData("DefaultMaintenanceIntervalDays", "0")]
    [InlineData("CohortMonths", "0")]
    [InlineData("PriorityVisitsForFullWeight", "0")]
    public void Validate_NamesTheSetting_WhenValueIsOutOfRange(string setting, string value)
    {
        var options = Bind(new Dictionary<string, string?> { [$"Retention:{setting}"] = value });

        var error = Assert.Throws<UserInputException>(() => RetentionOptionsBinding.Validate(options));

        Assert.Contains($"Retention:{setting} is {value}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Rejects_WindowsOutOfOrder()
    {
        var options = new RetentionOptions { ConversionWindowsDays = [60, 28] };

        var error = Assert.Throws<UserInputException>(() => RetentionOptionsBinding.Validate(options));

        Assert.Contains("Retention:ConversionWindowsDays is [60, 28]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Rejects_PriorityWeightsAboveHundred()
    {
        var options = new RetentionOptions { PriorityVisitsWeight = 50 };

        var error = Assert.Throws<UserInputException>(() => RetentionOptionsBinding.Validate(options));

        Assert.Contains("must be 100 or less", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ReplacesDefaultWindows_WhenConfigured()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Retention:ConversionWindowsDays:0"] = "14",
            ["Retention:ConversionWindowsDays:1"] = "30",
            ["Retention:GraceDays"] = "10",
        });

        Assert.Equal([14, 30], options.ConversionWindowsDays);
        Assert.Equal([28, 60, 90, 180], options.CohortWindowsDays);
        Assert.Equal(10, options.GraceDays);
    }

    [Theory]
    [InlineData("RecurrenceLagMonths")]
    [InlineData("RecurrenceCohortMonths")]
    public void Bind_NamesTheRetiredSettingAndWhatReplacesIt_WhenAnOldConfigurationStillHasIt(string retired)
    {
        var error = Assert.Throws<UserInputException>(() => Bind(new Dictionary<string, string?> { [$"Retention:{retired}"] = "12" }));

        Assert.Contains($"Retention:{retired} is no longer used", error.Message, StringComparison.Ordinal);
        Assert.Contains("Retention:RecurrenceCompletionMonths", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAnalytics_ThrowsUserInputException_WhenRetentionSettingIsBad()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Retention:GraceDays"] = "-3" }).Build();
        using var provider = new ServiceCollection().AddAnalytics(configuration).BuildServiceProvider();

        var error = Assert.Throws<UserInputException>(() => provider.GetRequiredService<IOptions<RetentionOptions>>().Value);

        Assert.Contains("Retention:GraceDays is -3", error.Message, StringComparison.Ordinal);
    }

    private static RetentionOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return RetentionOptionsBinding.Bind(new RetentionOptions(), configuration.GetSection(RetentionOptions.SectionName));
    }
}
