using Microsoft.Extensions.Time.Testing;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.FrontDesk;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using PhysicalTheraPT.Analytics.Tests.Jobs;

namespace PhysicalTheraPT.Analytics.Tests.FrontDesk;

/// <summary>
/// Front desk works weeks of calls on the web, on a moving clock: the list follows the same rules as the
/// Excel list (back after 7 days, closed after three tries), every day's list from that night's flags.
/// </summary>
public sealed class FrontDeskWeeksTests
{
    private static readonly DateOnly Monday = new(2026, 6, 1);

    [Fact]
    public async Task TodayAsync_BringsAPatientBackAfterAWeek_AndDropsThemAfterThreeTries()
    {
        // Arrange
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        await using var services = JobTestServices.Build(test, output.Path);
        await new ClinicDataBuilder().Clinic("C01", "UTC", "Eastside").Patient("P1", "C01").WriteAsync(test.Database);
        var clock = new FakeTimeProvider(Monday.ToDateTime(new TimeOnly(9, 0)).ToUniversalTime());
        var reader = new FrontDeskReader(test.Database, services.GetRequiredService<OutreachListService>());
        var outcomes = new FrontDeskOutcomes(test.Database, Microsoft.Extensions.Options.Options.Create(new OutreachOptions()), clock);
        var flags = new PatientFlagStore(test.Database, clock);

        async Task<IReadOnlyList<FrontDeskReader.TodayRow>> DayAsync(int day)
        {
            var today = Monday.AddDays(day);
            clock.SetUtcNow(new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
            await flags.ReplaceSetsAsync(["C01"], today, Flagged(today), default);
            return await reader.TodayAsync("C01", today);
        }

        Task<WebOutcomeResult> CallAsync(int day, OutreachOutcome outcome) =>
            outcomes.RecordAsync(new WebOutcomeRequest("C01", "P1", outcome, null, Monday.AddDays(day), "frank", "F", Guid.NewGuid().ToString("N")));

        // Act
        var first = await DayAsync(0);
        await CallAsync(0, OutreachOutcome.NotReached);
        var nextDay = await DayAsync(1);
        var weekLater = await DayAsync(7);
        await CallAsync(7, OutreachOutcome.LeftMessage);
        var twoWeeks = await DayAsync(14);
        var third = await CallAsync(14, OutreachOutcome.NotReached);
        var threeWeeks = await DayAsync(21);

        // Assert
        Assert.Single(first);
        Assert.Empty(nextDay);
        Assert.Equal(1, Assert.Single(weekLater).Attempts);
        Assert.Equal("left_message", Assert.Single(twoWeeks).LastOutcome);
        Assert.Equal("attempts 2 → 3; last outcome left_message → not_reached; item closed (unreachable)", third.Changed);
        Assert.Empty(threeWeeks);
    }

    private static async IAsyncEnumerable<StoredPatientFlag> Flagged(DateOnly today)
    {
        await Task.CompletedTask;
        yield return new StoredPatientFlag
        {
            ClinicId = "C01",
            AsOf = today,
            PatientId = "P1",
            Kind = PatientFlagKind.DroppedAfterAcute,
            AcuteEnd = Monday.AddDays(-30),
            DaysSince = today.DayNumber - Monday.AddDays(-30).DayNumber,
            Priority = 80,
            Reason = "Discharged; no maintenance booked",
        };
    }
}
