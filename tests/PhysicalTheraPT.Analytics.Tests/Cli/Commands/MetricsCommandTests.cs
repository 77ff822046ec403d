using System.Text.Json;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

public sealed class MetricsCommandTests
{
    // February 2026 as of 2026-03-01, worked out by hand (see RetentionCommandData): completions e1
    // (goals met), e2 (referred out), e6 (goals met, do-not-contact still counts); e2 converted; every
    // window still open, so no rate; flags p01 and p05 dropped, p03 lapsed; maintenance in the 56 days
    // to 28 Feb: p02, p03, p04; visits 3, 2, 3. Recurrence: only p05's implicit episode (E 8 Dec) is 28
    // days past its end; not converted, no new episode, censored at day 82: back within a year 0, no
    // interval (S is 1), nothing to compare (no converted group, no event).
    private static readonly string[] ExpectedAllBlock =
    [
        "ALL,acute_completions,3",
        "ALL,acute_completions.goals_met,2",
        "ALL,acute_completions.self_discharged,0",
        "ALL,acute_completions.referred_out,1",
        "ALL,acute_completions.other,0",
        "ALL,acute_completions.unrecorded,0",
        "ALL,conversion_28d.completions,3",
        "ALL,conversion_28d.converted,1",
        "ALL,conversion_28d.rate,",
        "ALL,conversion_28d.rate_low,",
        "ALL,conversion_28d.rate_high,",
        "ALL,conversion_28d.change_p,",
        "ALL,conversion_60d.completions,3",
        "ALL,conversion_60d.converted,1",
        "ALL,conversion_60d.rate,",
        "ALL,conversion_60d.rate_low,",
        "ALL,conversion_60d.rate_high,",
        "ALL,conversion_60d.change_p,",
        "ALL,conversion_90d.completions,3",
        "ALL,conversion_90d.converted,1",
        "ALL,conversion_90d.rate,",
        "ALL,conversion_90d.rate_low,",
        "ALL,conversion_90d.rate_high,",
        "ALL,conversion_90d.change_p,",
        "ALL,dropped_after_acute,2",
        "ALL,maintenance_lapsed,1",
        "ALL,active_maintenance_patients,3",
        "ALL,visits_per_episode.median,3",
        "ALL,visits_per_episode.p25,2.5",
        "ALL,visits_per_episode.p75,3",
        "ALL,recurrence.km365.converted,",
        "ALL,recurrence.km365.converted_low,",
        "ALL,recurrence.km365.converted_high,",
        "ALL,recurrence.km365.not_converted,0",
        "ALL,recurrence.km365.not_converted_low,",
        "ALL,recurrence.km365.not_converted_high,",
        "ALL,recurrence.converted.n,0",
        "ALL,recurrence.not_converted.n,1",
        "ALL,recurrence.back_within_28d,0",
        "ALL,recurrence.logrank_p,",
    ];

    [Fact]
    public async Task Metrics_WritesTheAllBlockThenEveryClinic_AsTheDefinitionsGive()
    {
        await using var test = await RetentionCommandData.CreateDatabaseAsync();

        var (exitCode, output) = await CliRunner.RunAsync([.. test.CommandLineArguments, "metrics", "--month", "2026-02"]);

        Assert.Equal(0, exitCode);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("clinic_id,metric,value", lines[0]);
        Assert.Equal(ExpectedAllBlock, lines[1..(1 + ExpectedAllBlock.Length)]);
        Assert.Equal(1 + (4 * ExpectedAllBlock.Length), lines.Length);
        Assert.Equal(["ALL", "c1", "c2", "c3"], lines[1..].Select(line => line.Split(',')[0]).Distinct());
        Assert.Contains("c1,acute_completions,2", lines);
        Assert.Contains("c1,visits_per_episode.median,2.5", lines);
        Assert.Contains("c1,visits_per_episode.p25,2.25", lines);
        Assert.Contains("c1,active_maintenance_patients,3", lines);
        Assert.Contains("c2,acute_completions.goals_met,1", lines);
        Assert.Contains("c2,dropped_after_acute,1", lines);
        Assert.Contains("c2,maintenance_lapsed,0", lines);
        // A clinic without patients still has its block, with nothing to take a median of.
        Assert.Contains("c3,acute_completions,0", lines);
        Assert.Contains("c3,visits_per_episode.median,", lines);
    }

    [Fact]
    public async Task Metrics_GivesRatesAsFractions_WhenTheWindowsHaveClosed()
    {
        await using var test = await RetentionCommandData.CreateDatabaseAsync();

        var (exitCode, output) = await CliRunner.RunAsync([.. test.CommandLineArguments, "metrics", "--month", "2026-02", "--as-of", "2026-06-01"]);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n');
        // By June p07's open episode has ended at its last visit, 25 Feb: one more completion in February.
        Assert.Contains("ALL,acute_completions,4", lines);
        Assert.Contains("ALL,acute_completions.self_discharged,1", lines);
        Assert.Contains("ALL,conversion_28d.rate,0.25", lines);
        Assert.Contains("ALL,conversion_90d.rate,0.25", lines);
    }

    [PostgresFact]
    public async Task Metrics_WritesByteIdenticalOutput_OnSqliteAndPostgres()
    {
        await using var sqlite = await RetentionCommandData.CreateDatabaseAsync();
        await using var postgres = await RetentionCommandData.CreateDatabaseAsync(DatabaseProvider.Postgres);

        foreach (var asOf in new[] { "2026-03-01", "2026-06-01" })
        {
            foreach (var format in new[] { "csv", "json" })
            {
                var fromSqlite = await CliRunner.RunAsync([.. sqlite.CommandLineArguments, "metrics", "--month", "2026-02", "--as-of", asOf, "--format", format]);
                var fromPostgres = await CliRunner.RunAsync([.. postgres.CommandLineArguments, "metrics", "--month", "2026-02", "--as-of", asOf, "--format", format]);

                Assert.Equal(0, fromSqlite.ExitCode);
                Assert.Equal(fromSqlite.Output, fromPostgres.Output);
            }
        }
    }

    [Fact]
    public async Task Metrics_WritesTheSameContentAsJson_WhenFormatIsJson()
    {
        await using var test = await RetentionCommandData.CreateDatabaseAsync();

        var csv = await CliRunner.RunAsync([.. test.CommandLineArguments, "metrics", "--month", "2026-02"]);
        var json = await CliRunner.RunAsync([.. test.CommandLineArguments, "metrics", "--month", "2026-02", "--format", "json"]);

        using var document = JsonDocument.Parse(json.Output);
        var fromJson = document.RootElement.EnumerateArray().Select(row =>
            $"{row.GetProperty("clinic_id").GetString()},{row.GetProperty("metric").GetString()},{(row.GetProperty("value").ValueKind == JsonValueKind.Null ? "" : row.GetProperty("value").GetRawText())}");
        Assert.Equal(csv.Output.TrimEnd('\n').Split('\n')[1..], fromJson);
    }

    [Theory]
    [InlineData(new string[0], "--month is required: the calendar month to report, as YYYY-MM")]
    [InlineData(new[] { "--month", "2026-13" }, "--month '2026-13' is not a month: use YYYY-MM, e.g. 2026-03.")]
    [InlineData(new[] { "--month", "Feb 2026" }, "--month 'Feb 2026' is not a month")]
    [InlineData(new[] { "--month", "2026-02", "--as-of", "2026-02-31" }, "--as-of '2026-02-31' is not a date")]
    [InlineData(new[] { "--month", "2026-02", "--as-of", "2026-01-15" }, "--as-of 2026-01-15 leaves no day of 2026-02 in the past")]
    public async Task Metrics_ExitsWithAMessage_WhenMonthOrDateIsBad(string[] arguments, string message)
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);

        var (exitCode, output) = await CliRunner.RunAsync([.. test.CommandLineArguments, "metrics", .. arguments]);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }
}
