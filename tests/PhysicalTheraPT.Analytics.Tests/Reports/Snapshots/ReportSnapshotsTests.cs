using Microsoft.Extensions.Time.Testing;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Reports.Snapshots;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Reports.Snapshots;

/// <summary>Snapshots kept in, and read back from, a real database: March's report, then April's with changed data, then restated.</summary>
public sealed class ReportSnapshotsTests
{
    private static readonly CalendarMonth March = new(2026, 3);
    private static readonly CalendarMonth April = new(2026, 4);

    [Fact]
    public Task Apply_KeepsLastMonthsNumbers_AndRestatesThemOnlyWhenAsked_OnSqlite() => KeepsAndRestates(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Apply_KeepsLastMonthsNumbers_AndRestatesThemOnlyWhenAsked_OnPostgres() => KeepsAndRestates(DatabaseProvider.Postgres);

    private static async Task KeepsAndRestates(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 6, 0, 0, TimeSpan.Zero));
        var snapshots = new ReportSnapshots(test.Database, clock);
        var marchAsOf = new DateOnly(2026, 4, 1);
        var marchReport = new MonthlyReportBuilder().WithMonth(March).WithAsOf(marchAsOf).Build();
        var february = marchReport.Trend.Single(month => month.Month == March.AddMonths(-1));
        Assert.False(february.Provisional);

        var shownInMarch = await snapshots.ApplyAsync(Request("ALL", marchAsOf, marchReport));
        await snapshots.ApplyAsync(Request("C01", marchAsOf, marchReport with { Trend = [.. marchReport.Trend.Select(month => month with { AcuteCompletions = 1 })] }));

        // A month later the clinic software sent corrections: every past month changed.
        clock.Advance(TimeSpan.FromDays(30));
        var aprilAsOf = new DateOnly(2026, 5, 1);
        var aprilReport = new MonthlyReportBuilder().WithMonth(April).WithAsOf(aprilAsOf).Build();
        var corrected = Request("ALL", aprilAsOf, aprilReport) with
        {
            Trend = [.. aprilReport.Trend.Select(month => month with { AcuteCompletions = month.AcuteCompletions + 5, ActiveMaintenancePatients = month.ActiveMaintenancePatients + 5, DroppedAfterAcute = month.Month == April ? 99 : null })],
        };
        var shownInApril = await snapshots.ApplyAsync(corrected);
        clock.Advance(TimeSpan.FromDays(1));
        var restated = await snapshots.ApplyAsync(corrected with { Restate = true });
        var afterRestating = await snapshots.ApplyAsync(corrected);

        var februaryInApril = shownInApril.Trend.Single(month => month.Month == February);
        Assert.Equal(february.AcuteCompletions, februaryInApril.AcuteCompletions);
        Assert.Equal(february.ActiveMaintenancePatients, februaryInApril.ActiveMaintenancePatients);
        var marchInMarch = shownInMarch.Trend.Single(month => month.Month == March);
        var marchInApril = shownInApril.Trend.Single(month => month.Month == March);
        Assert.Equal(marchInMarch.DroppedAfterAcute, marchInApril.DroppedAfterAcute);
        Assert.Equal(marchInMarch.ActiveMaintenancePatients, marchInApril.ActiveMaintenancePatients);
        Assert.Equal(marchInMarch.AcuteCompletions + 5, marchInApril.AcuteCompletions);
        Assert.Empty(shownInApril.RestatedMonths);

        Assert.Equal(february.AcuteCompletions + 5, restated.Trend.Single(month => month.Month == February).AcuteCompletions);
        Assert.Contains(new RestatedMonth(February, new DateOnly(2026, 5, 2)), restated.RestatedMonths);
        Assert.DoesNotContain(restated.RestatedMonths, month => month.Month == April);
        Assert.Equal(restated.Trend.Select(Numbers), afterRestating.Trend.Select(Numbers));
        Assert.Equal(restated.RestatedMonths, afterRestating.RestatedMonths);
    }

    private static readonly CalendarMonth February = new(2026, 2);

    /// <summary>Every number of a trend month as text (the record's lists compare by reference).</summary>
    private static string Numbers(TrendMonth month) =>
        string.Join("; ", month.Month, month.AcuteCompletions, month.Provisional, month.ActiveMaintenancePatients, month.DroppedAfterAcute, month.MaintenanceLapsed, month.VisitsPerEpisodeMedian,
            string.Join(",", month.CompletionsByEndType.OrderBy(pair => pair.Key, StringComparer.Ordinal)), string.Join(",", month.Conversions));

    private static ReportSnapshotRequest Request(string scope, DateOnly asOf, MonthlyReport report) =>
        new(scope, asOf, report.Trend, report.Cohorts, report.Outreach?.Months ?? [], Restate: false);
}
