using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// Describes a database error for a person without the row values its message may carry: SQL Server's
/// 2627 ("The duplicate key value is (…)") and 2628 ("Truncated value: '…'") and PostgreSQL's detail
/// quote the refused row, names included. Only the provider's error number or SQLSTATE and the
/// constraint, table and column names the driver exposes are used; never Message or Detail.
/// </summary>
internal static class DatabaseErrorText
{
    public static string Describe(DbException exception) => exception switch
    {
        PostgresException postgres => $"PostgreSQL error {postgres.SqlState}{Meaning(postgres.SqlState)}{Names(postgres)}",
        NpgsqlException => "a PostgreSQL connection or protocol error",
        SqlException sqlServer => $"SQL Server error {sqlServer.Number.ToString(CultureInfo.InvariantCulture)}{Meaning(sqlServer.Number)}",
        SqliteException sqlite => $"SQLite error {sqlite.SqliteErrorCode.ToString(CultureInfo.InvariantCulture)}" +
            $"/{sqlite.SqliteExtendedErrorCode.ToString(CultureInfo.InvariantCulture)}{Meaning(sqlite.SqliteErrorCode)}",
        { SqlState: { } sqlState } => $"database error {sqlState}",
        _ => $"database error {exception.ErrorCode.ToString(CultureInfo.InvariantCulture)}",
    };

    private static string Meaning(string sqlState) => sqlState switch
    {
        PostgresErrorCodes.UniqueViolation => " (duplicate key)",
        PostgresErrorCodes.ForeignKeyViolation => " (foreign key violation)",
        PostgresErrorCodes.NotNullViolation => " (missing required value)",
        PostgresErrorCodes.CheckViolation => " (check constraint violation)",
        PostgresErrorCodes.StringDataRightTruncation => " (value too long)",
        PostgresErrorCodes.SerializationFailure => " (concurrent update)",
        _ => string.Empty,
    };

    private static string Meaning(int number) => number switch
    {
        // SqliteErrorCode values; SQL Server's numbers do not overlap them.
        5 => " (database is locked)",
        8 => " (read-only database)",
        19 => " (constraint violation)",
        2627 or 2601 => " (duplicate key)",
        2628 or 8152 => " (value too long)",
        515 => " (missing required value)",
        547 => " (constraint violation)",
        1205 => " (deadlock)",
        _ => string.Empty,
    };

    private static string Names(PostgresException postgres)
    {
        var names = new[]
        {
            postgres.ConstraintName is { Length: > 0 } constraint ? $"constraint {constraint}" : null,
            postgres.TableName is { Length: > 0 } table ? $"table {table}" : null,
            postgres.ColumnName is { Length: > 0 } column ? $"column {column}" : null,
        }.OfType<string>().ToList();
        return names.Count == 0 ? string.Empty : $" on {string.Join(", ", names)}";
    }
}
