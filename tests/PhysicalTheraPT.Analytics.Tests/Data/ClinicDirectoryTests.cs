using Microsoft.Extensions.Time.Testing;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Data;

public sealed class ClinicDirectoryTests
{
    [Fact]
    public Task LoadAsync_ReadsClinicsAndProviders_OnSqlite() => AssertLoads(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task LoadAsync_ReadsClinicsAndProviders_OnPostgres() => AssertLoads(DatabaseProvider.Postgres);

    [Fact]
    public void Require_NamesTheKnownClinics_WhenClinicIsUnknown()
    {
        var directory = new ClinicDirectory([new ClinicRow("c2", "Two", "America/Denver"), new ClinicRow("c1", "One", "America/Denver")], []);

        var error = Assert.Throws<UserInputException>(() => directory.Require("c9"));

        Assert.Equal("Unknown clinic 'c9': known clinics: c1, c2.", error.Message);
    }

    [Fact]
    public void SharedIds_GiveTheDirectorysOwnStrings_AndUnknownIdsAsGiven()
    {
        var clinic = new ClinicRow("c1", "One", "America/Denver");
        var provider = new ProviderRow("pr1", "c1", "Dana Ruiz", "physical_therapy");
        var directory = new ClinicDirectory([clinic], [provider]);
        // Equal ids read from another row: equal strings, not the same ones.
        var readClinic = new string("c1".AsSpan());
        var readProvider = new string("pr1".AsSpan());

        Assert.Same(clinic.ClinicId, directory.SharedClinicId(readClinic));
        Assert.Same(provider.ProviderId, directory.SharedProviderId(readProvider));
        Assert.Equal(("c9", "pr9", (string?)null), (directory.SharedClinicId("c9"), directory.SharedProviderId("pr9"), directory.SharedProviderId(null)));
    }

    [Theory]
    [InlineData("America/Denver", "2026-03-01")]
    [InlineData("America/New_York", "2026-03-02")]
    public void TodayIn_GivesTheDateOnTheClinicsWallClock(string timeZone, string expected)
    {
        var directory = new ClinicDirectory([new ClinicRow("c1", "One", timeZone)], []);
        // 05:30 UTC is 22:30 the day before in Denver and 00:30 in New York.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 5, 30, 0, TimeSpan.Zero));

        var today = directory.TodayIn("c1", clock);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), today);
    }

    [Fact]
    public void TimeZoneOf_SaysHowToFix_WhenTimeZoneIsUnknown()
    {
        var directory = new ClinicDirectory([new ClinicRow("c1", "One", "Mars/Olympus")], []);

        var error = Assert.Throws<UserInputException>(() => directory.TimeZoneOf("c1"));

        Assert.Contains("Clinic c1 has time zone 'Mars/Olympus'", error.Message, StringComparison.Ordinal);
    }

    private static async Task AssertLoads(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
        await new ClinicDataBuilder()
            .Clinic("c2", "America/New_York", "Uptown")
            .Clinic("c1", "America/Denver", "Eastside")
            .Provider("pr1", "c1", "Dana Ruiz")
            .Provider("pr2", "c2", "Sam Ode", "massage_therapy")
            .WriteAsync(test.Database);

        var directory = await ClinicDirectory.LoadAsync(test.Database, default);

        Assert.Equal(["c1", "c2"], directory.ClinicIds);
        Assert.Equal(new ClinicRow("c2", "Uptown", "America/New_York"), directory.Require("c2"));
        Assert.Equal("Sam Ode", directory.ProviderNames["pr2"]);
        Assert.Equal("c1", directory.Providers["pr1"].ClinicId);
    }
}
