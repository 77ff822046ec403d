using System.Text.RegularExpressions;
using Dapper;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Data;

/// <summary>
/// The reader's streams must come straight off an index in the order asked for: a sort of the whole
/// appointments table would hold it all in memory or on disk before the first patient arrives.
/// </summary>
public sealed class PatientHistoryReaderPlanTests
{
    // The whole-table streams. The nightly refresh's (".selected") read only the changed and due
    // patients, a small share, and may sort that share: the point here is never sorting a whole table.
    public static TheoryData<string> StatementNames() =>
        new(new PatientHistoryReader(null!).StatementsFor(SqlDialect.Sqlite).Select(statement => statement.Key).Where(name => !name.EndsWith(".selected", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(StatementNames))]
    public async Task Statement_ScansACoveringIndexWithoutSorting_OnSqlite(string statementName)
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var connection = await test.Database.OpenAsync();

        var plan = string.Join("\n", (await connection.QueryAsync(
            "EXPLAIN QUERY PLAN " + Statement(SqlDialect.Sqlite, statementName), new { ClinicId = "c1" }))
            .Select(row => (string)((IDictionary<string, object>)row)["detail"]));

        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        Assert.Matches(@"(SCAN|SEARCH) \w+ USING COVERING INDEX ix_\w+_history", plan);
    }

    // The whole-table streams only: for one clinic's patients PostgreSQL picks by the clinic's size (a
    // merge join in index order, or patient-by-patient look-ups with each patient's few rows sorted),
    // which an empty test table cannot show; both hold one patient at a time.
    [PostgresTheory]
    [InlineData("patients")]
    [InlineData("episodes")]
    [InlineData("appointments")]
    public async Task Statement_ReadsAnIndexInOrderWithoutSorting_OnPostgres(string statementName)
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Postgres);
        await using var connection = await test.Database.OpenAsync();
        // Empty tables are cheapest to sort; taking sequential scans away asks whether an index can
        // deliver the order at all, which is what a table of millions of rows relies on.
        await connection.ExecuteAsync("SET enable_seqscan = off");

        var plan = string.Join("\n", await connection.QueryAsync<string>(
            "EXPLAIN " + Statement(SqlDialect.Postgres, statementName), new { ClinicId = "c1", ActiveSince = new DateOnly(2026, 1, 1) }));

        Assert.False(Regex.IsMatch(plan, @"Sort\s+\(cost"), plan);
        Assert.Matches(@"Index (Only )?Scan using ix_\w+_history", plan);
    }

    private static string Statement(SqlDialect dialect, string name) =>
        new PatientHistoryReader(null!).StatementsFor(dialect).Single(statement => statement.Key == name).Value;
}
