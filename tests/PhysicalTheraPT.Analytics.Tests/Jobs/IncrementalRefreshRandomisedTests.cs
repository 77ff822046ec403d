using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Seeding;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

/// <summary>
/// The proof of the incremental nightly refresh: two identical clinic stores live through the same 60
/// simulated nights (<see cref="SimulatedNight"/>: new bookings, visits completed, cancellations,
/// deletions, discharges, new episodes, do-not-contact from the export and from front desk, outreach
/// outcomes, Retention settings changed, nights skipped). One runs refresh-flags as it runs every night
/// (incremental once it has a state), the other a full pass every night; each night their flags (every
/// column: priorities, reasons …), set counts and outreach queues must be the same.
/// </summary>
public sealed class IncrementalRefreshRandomisedTests
{
    private const int Nights = 60;

    private const string FlagsSql = """
        SELECT clinic_id, patient_id, flag, acute_end, end_type, last_maintenance, days_since, priority, reason, discharging_provider_id
        FROM patient_flags WHERE as_of = @AsOf ORDER BY clinic_id, patient_id
        """;

    private const string SetsSql = "SELECT clinic_id, flagged_count FROM patient_flag_sets WHERE as_of = @AsOf ORDER BY clinic_id";

    private const string QueueSql = """
        SELECT clinic_id, patient_id, flag, reason, priority, first_listed, status, close_reason, closed_on, attempts, last_outcome, last_contact_on
        FROM outreach_items ORDER BY clinic_id, patient_id, first_listed, status
        """;

    [Theory]
    [InlineData(1907)]
    [InlineData(20260403)]
    public Task RunAsync_GivesTheFullPassFlagsAndQueue_EveryNightOfSixtyOnSqlite(int seed) =>
        RunAsync_GivesTheFullPassFlagsAndQueue_EveryNightOfSixty(DatabaseProvider.Sqlite, seed);

    [PostgresFact]
    public Task RunAsync_GivesTheFullPassFlagsAndQueue_EveryNightOfSixtyOnPostgres() =>
        RunAsync_GivesTheFullPassFlagsAndQueue_EveryNightOfSixty(DatabaseProvider.Postgres, 1907);

    private static async Task RunAsync_GivesTheFullPassFlagsAndQueue_EveryNightOfSixty(DatabaseProvider provider, int seed)
    {
        var settings = new SeedSettings { Clinics = 2, Patients = 300, Months = 14, Until = new DateOnly(2026, 3, 1), Seed = seed };
        await using var incremental = await SeededHistory.CreateAsync(provider, settings);
        await using var full = await SeededHistory.CreateAsync(provider, settings);
        using var output = new TemporaryFolder();
        var night = new SimulatedNight(seed);
        var asOf = settings.Until;
        var incrementalNights = 0;
        var evaluatedIncrementally = new List<string>();
        for (var number = 1; number <= Nights; number++)
        {
            asOf = asOf.AddDays(night.DaysToNextNight());
            var retention = night.RetentionSettingsFor(number);
            await night.ChangeAsync([incremental, full], asOf, TestTimeout.Token);

            var incrementalOutcome = await RefreshAsync(incremental, output, asOf, retention, forceFull: false);
            await RefreshAsync(full, output, asOf, retention, forceFull: true);

            var context = $"seed {seed}, night {number} (as of {asOf:yyyy-MM-dd}); changes: {night.Description}; incremental run: {incrementalOutcome.Summary}";
            await AssertSameAsync(incremental, full, FlagsSql, asOf, "flags", context);
            await AssertSameAsync(incremental, full, SetsSql, asOf, "flag set counts", context);
            await AssertSameAsync(incremental, full, QueueSql, asOf, "outreach queue", context);
            if (incrementalOutcome.Summary.Contains("Incremental pass", StringComparison.Ordinal))
            {
                incrementalNights++;
                evaluatedIncrementally.Add(incrementalOutcome.Summary);
            }
            else
            {
                // Full only on the first night and when the settings change.
                Assert.True(number == 1 || night.SettingsChangedOn(number), $"An unexpected full pass: {context}");
            }
        }

        Assert.True(incrementalNights >= Nights - 3, $"seed {seed}: only {incrementalNights} of {Nights} nights were incremental");
        Assert.All(evaluatedIncrementally, summary => Assert.DoesNotContain($"{settings.Patients:N0} patients evaluated", summary, StringComparison.Ordinal));
    }

    private static async Task<JobOutcome> RefreshAsync(TestDatabase test, TemporaryFolder output, DateOnly asOf, IEnumerable<KeyValuePair<string, string?>> retention, bool forceFull)
    {
        await using var services = JobTestServices.Build(test, output.Path, settings: retention);
        var job = services.GetRequiredService<RefreshFlagsJob>();
        job.ForceFullPass = forceFull;
        return await job.RunAsync(JobWorkItem.ForDate(JobNames.RefreshFlags, null, asOf), TestTimeout.Token);
    }

    private static async Task AssertSameAsync(TestDatabase incremental, TestDatabase full, string sql, DateOnly asOf, string what, string context)
    {
        var expected = await RowsAsync(full, sql, asOf);
        var actual = await RowsAsync(incremental, sql, asOf);
        var missing = expected.Except(actual).Take(5).ToList();
        var extra = actual.Except(expected).Take(5).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0 && expected.Count == actual.Count,
            $"The incremental {what} differ from the full pass's ({actual.Count} rows, full {expected.Count}); {context}.\n" +
            $"Missing: {string.Join("; ", missing)}\nExtra: {string.Join("; ", extra)}");
    }

    private static async Task<List<string>> RowsAsync(TestDatabase test, string sql, DateOnly asOf)
    {
        await using var connection = await test.Database.OpenAsync();
        var rows = await connection.QueryAsync(sql, new { AsOf = asOf });
        return [.. rows.Select(row => string.Join("|", ((IDictionary<string, object?>)row).Values.Select(Text)))];
    }

    // Dates come back as text from SQLite and as DateTime from PostgreSQL; within one provider both
    // stores give the same types, so this only has to be stable.
    private static string Text(object? value) => value switch
    {
        null => "null",
        DateTime dateTime => dateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
