using System.Text.Json;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.Outreach;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

/// <summary>The Outreach sheet's numbers from a real database: a month of worked lists and the bookings that followed.</summary>
public sealed class OutreachNumbersTests
{
    private static readonly CalendarMonth April = new(2026, 4);
    private static readonly DateOnly April1 = new(2026, 4, 1);

    [Fact]
    public Task ForReport_CountsWhatFrontDeskRecordedAndTheBookingsThatFollowed_OnSqlite() => CountsAMonth(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ForReport_CountsWhatFrontDeskRecordedAndTheBookingsThatFollowed_OnPostgres() => CountsAMonth(DatabaseProvider.Postgres);

    [Fact]
    public async Task ForReports_GivesEachScopeWhatItsOwnReadGives_WhenEveryClinicIsReadOnce()
    {
        // Arrange
        await using var scenario = await WorkedAprilAsync(DatabaseProvider.Sqlite);
        var numbers = new OutreachNumbers(scenario.Database, Options.Create(new OutreachOptions()));
        var clinics = await ClinicDirectory.LoadAsync(scenario.Database, CancellationToken.None);
        CalendarMonth[] months = [April.AddMonths(-1), April];
        var asOf = new DateOnly(2026, 5, 1);
        string?[] scopes = [null, "C01", "C02"];
        var apart = new List<OutreachReport>();
        foreach (var clinicId in scopes)
        {
            apart.Add(await numbers.ForReportAsync(clinicId, months, asOf));
        }

        // Act
        var together = await numbers.ForReportsAsync(clinics, scopes, months, asOf);

        // Assert
        Assert.Equal(apart.Select(report => JsonSerializer.Serialize(report)), together.Select(report => JsonSerializer.Serialize(report)));
        Assert.Equal(["Eastside"], together[1].ByClinic.Select(line => line.Name));
        Assert.Equal(["MK"], together[2].ByStaff.Select(line => line.Name));
    }

    private static async Task CountsAMonth(DatabaseProvider provider)
    {
        await using var scenario = await WorkedAprilAsync(provider);
        var numbers = new OutreachNumbers(scenario.Database, Options.Create(new OutreachOptions()));

        var all = await numbers.ForReportAsync(null, [April.AddMonths(-1), April], new DateOnly(2026, 5, 1));
        var eastside = await numbers.ForReportAsync("C01", [April], new DateOnly(2026, 5, 1));

        var month = all.Months[^1];
        Assert.Equal((6, 5, 2, 3, 1), (month.Listed, month.Contacted, month.Reached, month.BookedAfterOutreach, month.WrongNumbers));
        Assert.Equal(4.0, month.MedianDaysToFirstContact);
        Assert.Equal((0, 0), (all.Months[0].Listed, all.Months[0].Contacted));
        Assert.Equal(["Eastside", "Uptown"], all.ByClinic.Select(line => line.Name));
        Assert.Equal((5, 4, 2), (all.ByClinic[0].Listed!.Value, all.ByClinic[0].Contacted, all.ByClinic[0].BookedAfterOutreach));
        var staff = all.ByStaff.ToDictionary(line => line.Name);
        Assert.Equal((2, 0, 1), (staff["JD"].Contacted, staff["JD"].Reached, staff["JD"].BookedAfterOutreach));
        Assert.Equal((2, 1, 1), (staff["AB"].Contacted, staff["AB"].Reached, staff["AB"].BookedAfterOutreach));
        Assert.Equal(["P4"], all.WrongNumberPatientIds);
        Assert.Equal(["Eastside"], eastside.ByClinic.Select(line => line.Name));
        Assert.Equal((4, 2), (eastside.Months[0].Contacted, eastside.Months[0].BookedAfterOutreach));
    }

    /// <summary>April's worked lists at Eastside (C01: P1-P5) and Uptown (C02: Q1), and the bookings that followed.</summary>
    private static async Task<OutreachScenario> WorkedAprilAsync(DatabaseProvider provider)
    {
        var scenario = await OutreachScenario.CreateAsync(provider, moreData: data => data
            // Booked at 21:00 in Denver on 17 April, which is already 18 April in UTC: 14 days after the call, on the clinic's calendar.
            .Appointment("m1", "P1", "2026-04-24", "maintenance_massage", "booked", clinicId: "C01", bookedAtUtc: new DateTime(2026, 4, 18, 3, 0, 0, DateTimeKind.Utc))
            // 15 days after the call on the clinic's calendar: too late to count.
            .Appointment("m2", "P2", "2026-04-30", "maintenance_massage", "booked", clinicId: "C01", bookedAtUtc: new DateTime(2026, 4, 18, 18, 0, 0, DateTimeKind.Utc))
            .Appointment("m3", "P3", "2026-04-10", "maintenance_massage", "completed", clinicId: "C01", bookedAtUtc: new DateTime(2026, 4, 5, 16, 0, 0, DateTimeKind.Utc))
            .Appointment("q1", "Q1", "2026-04-10", "maintenance_massage", "booked", clinicId: "C02", bookedAtUtc: new DateTime(2026, 4, 6, 16, 0, 0, DateTimeKind.Utc)));
        var list = await scenario.WriteListAsync(April1, "P1", "P2", "P3", "P4", "P5");
        OutreachScenario.Fill(list, "P1", "left_message", new DateOnly(2026, 4, 3), "JD");
        OutreachScenario.Fill(list, "P2", "not_reached", new DateOnly(2026, 4, 3), "JD");
        OutreachScenario.Fill(list, "P3", "booked", new DateOnly(2026, 4, 5), "AB");
        OutreachScenario.Fill(list, "P4", "wrong_number", new DateOnly(2026, 4, 6), "AB");
        var uptown = scenario.WriteList("C02", April1, ["Q1"]);
        OutreachScenario.Fill(uptown, "Q1", "booked", new DateOnly(2026, 4, 6), "MK");
        Assert.All(await scenario.ImportAsync(list, uptown), result => Assert.True(result.Accepted, string.Join("\n", result.Problems)));
        return scenario;
    }
}
