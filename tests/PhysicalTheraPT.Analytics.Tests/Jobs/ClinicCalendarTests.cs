using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

public sealed class ClinicCalendarTests
{
    // 05:00 UTC on 2 March 2026: still 1 March in Denver (UTC-7), already 2 March in Berlin (UTC+1).
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 5, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("America/Denver", "2026-03-01")]
    [InlineData("Europe/Berlin", "2026-03-02")]
    [InlineData("UTC", "2026-03-02")]
    public void ClinicToday_IsTheClinicsLocalDate_InItsTimeZone(string timeZone, string expected)
    {
        var calendar = Calendar(new SchedulingOptions());

        var today = calendar.ClinicToday(Clinics(("c01", timeZone)), "c01");

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), today);
    }

    [Fact]
    public void ClinicToday_FollowsTheOverride_WhenConfiguredForTheClinic()
    {
        var options = new SchedulingOptions { ClinicTimeZones = { ["c01"] = "America/Denver" } };

        var today = Calendar(options).ClinicToday(Clinics(("c01", "Europe/Berlin")), "c01");

        Assert.Equal(new DateOnly(2026, 3, 1), today);
    }

    [Fact]
    public void ClinicToday_NamesTheSetting_WhenTheOverrideIsUnknown()
    {
        var calendar = Calendar(new SchedulingOptions { ClinicTimeZones = { ["c01"] = "Europe/Atlantis" } });

        var error = Assert.Throws<UserInputException>(() => calendar.ClinicToday(Clinics(("c01", "UTC")), "c01"));

        Assert.Contains("Scheduling:ClinicTimeZones:c01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduleToday_IsTheDateInTheScheduleTimeZone()
    {
        var calendar = Calendar(new SchedulingOptions { TimeZone = "America/Denver" });

        Assert.Equal(new DateOnly(2026, 3, 1), calendar.ScheduleToday());
    }

    [Fact]
    public void ClinicToday_NamesTheClinicAndTheZone_WhenTheClinicsZoneIsUnknown()
    {
        var calendar = Calendar(new SchedulingOptions());

        var error = Assert.Throws<UserInputException>(() => calendar.ClinicToday(Clinics(("c07", "Mars/Olympus")), "c07"));

        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
        Assert.Contains("c07", error.Message, StringComparison.Ordinal);
    }

    private static ClinicDirectory Clinics(params (string Id, string TimeZone)[] clinics) =>
        new(clinics.Select(clinic => new ClinicRow(clinic.Id, $"Clinic {clinic.Id}", clinic.TimeZone)), []);

    private static ClinicCalendar Calendar(SchedulingOptions options) => new(new FakeTimeProvider(Now), Options.Create(options));
}
