using System.Data.Common;
using Dapper;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports.Snapshots;

/// <summary><c>report_snapshots</c>: the numbers each monthly workbook reported, per scope, month and metric.</summary>
internal sealed class ReportSnapshotStore(DbConnection connection, DbTransaction transaction, SqlDialect dialect) : ISqlStatements
{
    private static readonly string[] Columns = ["scope", "month", "metric", "value", "final", "as_of", "produced_at", "restated_at"];

    private const string ReadSql = """
        SELECT month, metric, value, final, as_of, restated_at
        FROM report_snapshots
        WHERE scope = @Scope AND month >= @FirstMonth AND month <= @LastMonth
        """;

    public async Task<Dictionary<SnapshotKey, SnapshotValue>> ReadAsync(string scope, CalendarMonth first, CalendarMonth last, CancellationToken cancellationToken)
    {
        var values = new Dictionary<SnapshotKey, SnapshotValue>();
        var parameters = new { Scope = scope, FirstMonth = first.ToString(), LastMonth = last.ToString() };
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(ReadSql, parameters, transaction, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!CalendarMonth.TryParse(reader.GetString(0), out var month))
            {
                continue;
            }

            values[new SnapshotKey(month, reader.GetString(1))] = new SnapshotValue(
                await reader.IsDBNullAsync(2, cancellationToken) ? null : reader.GetDouble(2),
                reader.GetBoolean(3),
                DateOnly.FromDateTime(reader.GetDateTime(4)),
                await reader.IsDBNullAsync(5, cancellationToken) ? null : DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc));
        }

        return values;
    }

    public Task<int> WriteAsync(string scope, IReadOnlyDictionary<SnapshotKey, SnapshotValue> values, DateTime producedAtUtc, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return Task.FromResult(0);
        }

        var rows = values.Select(pair => new
        {
            Scope = scope,
            Month = pair.Key.Month.ToString(),
            pair.Key.Metric,
            pair.Value.Value,
            pair.Value.Final,
            pair.Value.AsOf,
            ProducedAt = DateTime.SpecifyKind(producedAtUtc, DateTimeKind.Utc),
            RestatedAt = pair.Value.RestatedAt is { } restated ? DateTime.SpecifyKind(restated, DateTimeKind.Utc) : (DateTime?)null,
        }).ToList();
        return connection.ExecuteAsync(new CommandDefinition(UpsertSql(dialect), rows, transaction, cancellationToken: cancellationToken));
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("read", ReadSql);
        yield return new("upsert", UpsertSql(dialect));
    }

    private static string UpsertSql(SqlDialect dialect) => dialect.Upsert("report_snapshots", ["scope", "month", "metric"], Columns);
}

/// <summary>Which number: a month and a metric name such as <c>acute_completions</c> or <c>conversion.28.converted</c>.</summary>
internal readonly record struct SnapshotKey(CalendarMonth Month, string Metric);

/// <summary>
/// One number of one month as a workbook reported it. <see cref="Final"/>: it was reported as final
/// (not provisional, not maturing), so later workbooks show exactly this unless restated.
/// </summary>
/// <param name="Value">Null when the number was not known (no rate without completions, no median).</param>
/// <param name="AsOf">The as-of date of the workbook that reported it: workbooks as of an earlier date do not use it.</param>
/// <param name="RestatedAt">When a restatement last changed it (UTC); null when never.</param>
internal sealed record SnapshotValue(double? Value, bool Final, DateOnly AsOf, DateTime? RestatedAt = null);
