using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

public sealed class SchedulingOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedSchedule_WhenNothingIsConfigured()
    {
        var options = Bind([]);

        Assert.Equal("0 2 * * *", options.CronFor(JobNames.RefreshFlags));
        Assert.Equal("0 6 * * 1", options.CronFor(JobNames.OutreachLists));
        Assert.Equal("0 6 1 * *", options.CronFor(JobNames.RetentionReport));
        Assert.Equal("UTC", options.TimeZone);
        Assert.Equal(["default", "clinics"], options.EffectiveQueues);
        Assert.Equal(AnalyticsPaths.DefaultReportsDirectory, options.EffectiveOutputDirectory);
    }

    [Fact]
    public void Bind_ReadsTheSchedulingSection_WhenSettingsAreGiven()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Scheduling:RefreshFlagsCron"] = "30 1 * * *",
            ["Scheduling:TimeZone"] = "America/Denver",
            ["Scheduling:ClinicTimeZones:c01"] = "Europe/Berlin",
            ["Scheduling:Queues:0"] = "clinics",
            ["Scheduling:WorkerCount"] = "7",
        });

        Assert.Equal("30 1 * * *", options.CronFor(JobNames.RefreshFlags));
        Assert.Equal("America/Denver", options.TimeZone);
        Assert.Equal("Europe/Berlin", options.ClinicTimeZones["c01"]);
        Assert.Equal(["clinics"], options.EffectiveQueues);
        Assert.Equal(7, options.WorkerCount);
    }

    [Theory]
    [InlineData("WorkerCount", "0")]
    [InlineData("RetryAttempts", "-1")]
    [InlineData("LockTimeout", "00:00:00")]
    [InlineData("Queues:0", "Clinics!")]
    public void Validate_NamesTheSetting_WhenAValueCannotWork(string setting, string value)
    {
        var options = Bind(new Dictionary<string, string?> { [$"Scheduling:{setting}"] = value });

        var error = Assert.Throws<UserInputException>(options.Validate);

        Assert.Contains($"Scheduling:{setting.Split(':')[0]}", error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ThrowsNothing_WhenSettingsAreTheDefaults()
    {
        var options = Bind([]);

        var error = Record.Exception(options.Validate);

        Assert.Null(error);
    }

    [Fact]
    public void CronFor_RefusesWithTheJobList_WhenJobIsUnknown()
    {
        var error = Assert.Throws<UserInputException>(() => new SchedulingOptions().CronFor("nightly"));

        Assert.Contains("refresh-flags, outreach-lists, retention-report", error.Message, StringComparison.Ordinal);
    }

    private static SchedulingOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddAnalytics(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<SchedulingOptions>>().Value;
    }
}
