using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Demo;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Demo;

/// <summary>The demo's weeks of front-desk work, played on a small seeded history up to <see cref="SeededHistory.Until"/> (Friday 10 April 2026).</summary>
public sealed class PlayFrontDeskWeeksStepTests
{
    /// <summary>The six Mondays before 10 April 2026.</summary>
    private static readonly DateOnly[] Mondays = [.. Enumerable.Range(0, 6).Select(week => new DateOnly(2026, 3, 2).AddDays(7 * week))];

    [Fact]
    public async Task RunAsync_RecordsWeeksOfCallsThroughTheInbox_SoTheMonthlyOutreachNumbersAreNoLongerEmpty()
    {
        await using var test = await SeededHistory.CreateAsync(DatabaseProvider.Sqlite, SeededHistory.Small);
        using var output = new TemporaryFolder();
        await using var services = JobTestServices.Build(test, output.Path);
        var context = new DemoContext(SeededHistory.Until, output.Path, progress: null);

        await Step(services).RunAsync(context, TestTimeout.Token);

        await using var connection = await test.Database.OpenAsync();
        var listDates = (await connection.QueryAsync<DateOnly>("SELECT DISTINCT list_as_of FROM outreach_outcomes ORDER BY list_as_of")).ToList();
        Assert.Equal(Mondays, listDates);
        var imported = Directory.GetFiles(Path.Combine(output.Path, "outreach", "inbox", "imported")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Mondays.SelectMany(monday => new[] { "C01", "C02" }.Select(clinic => $"outreach-{clinic}-{monday:yyyy-MM-dd}.xlsx")).Order(StringComparer.Ordinal), imported);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outreach_outcomes WHERE outcome_on >= '2026-04-10'"));
        var booked = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM appointments WHERE appointment_id LIKE 'DEMO-OUTREACH-%' AND service = 'maintenance_massage' AND booked_at IS NOT NULL");
        Assert.True(booked > 0, "nobody booked maintenance after the calls");
        var march = (await services.GetRequiredService<IMonthlyReportSource>().BuildAsync(null, new CalendarMonth(2026, 3), SeededHistory.Until, TestTimeout.Token)).Outreach!;
        var month = march.Months.Single(line => line.Month == new CalendarMonth(2026, 3));
        Assert.True(month.Contacted > 0 && month.BookedAfterOutreach > 0, $"March shows {month.Contacted} contacted, {month.BookedAfterOutreach} booked after outreach");
        Assert.NotEmpty(march.ByStaff);
        Assert.StartsWith("6 weeks from 2026-03-02: 12 lists worked, ", context.Outputs.Single(line => line.What == "Front desk").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PlaysTheSameCalls_OnTheSameHistory_AndNothingMoreWhenRunAgain()
    {
        await using var first = await SeededHistory.CreateAsync(DatabaseProvider.Sqlite, SeededHistory.Small);
        await using var second = await SeededHistory.CreateAsync(DatabaseProvider.Sqlite, SeededHistory.Small);
        using var firstOutput = new TemporaryFolder();
        using var secondOutput = new TemporaryFolder();
        await using var firstServices = JobTestServices.Build(first, firstOutput.Path);
        await using var secondServices = JobTestServices.Build(second, secondOutput.Path);

        await Step(firstServices).RunAsync(new DemoContext(SeededHistory.Until, firstOutput.Path, null), TestTimeout.Token);
        await Step(secondServices).RunAsync(new DemoContext(SeededHistory.Until, secondOutput.Path, null), TestTimeout.Token);
        var played = await CallsAsync(first.Database);
        var again = new DemoContext(SeededHistory.Until, firstOutput.Path, null);
        await Step(firstServices).RunAsync(again, TestTimeout.Token);

        Assert.NotEmpty(played);
        Assert.Equal(played, await CallsAsync(second.Database));
        Assert.Equal(played, await CallsAsync(first.Database));
        Assert.StartsWith("already played on this database", again.Outputs.Single().Value, StringComparison.Ordinal);
    }

    private static PlayFrontDeskWeeksStep Step(IServiceProvider services) => ActivatorUtilities.CreateInstance<PlayFrontDeskWeeksStep>(services);

    /// <summary>Every call and every booking after one, without the ids and times the database makes up.</summary>
    private static async Task<List<string>> CallsAsync(AnalyticsDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var calls = await connection.QueryAsync<string>("SELECT clinic_id || ' ' || patient_id || ' ' || list_as_of || ' ' || outcome || ' ' || outcome_on || ' ' || staff_initials FROM outreach_outcomes");
        var bookings = await connection.QueryAsync<string>("SELECT appointment_id || ' ' || starts_at || ' ' || status || ' ' || COALESCE(provider_id, '-') FROM appointments WHERE appointment_id LIKE 'DEMO-OUTREACH-%'");
        return [.. calls.Concat(bookings).Order(StringComparer.Ordinal)];
    }
}
