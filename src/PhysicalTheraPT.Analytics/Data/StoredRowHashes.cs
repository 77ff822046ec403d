using System.Buffers.Binary;
using System.Data.Common;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Dapper;
using NpgsqlTypes;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// What the store already holds for some clinics, as a 64-bit hash of each row's id and one of its content
/// (about 30 bytes a row in memory: 16 of hashes, the rest the dictionary's own), so a sync writes only the
/// rows that are new or differ. Read once per table, the first time the sync writes to it, over the
/// columns that write sets. An identical row the upsert would leave untouched anyway is then not even sent:
/// a re-sync with nothing changed costs a read of the store instead of a statement per row, and the
/// change-log triggers (sql/*/0015) stay quiet. A row whose stored hash differs (a changed row, or a value
/// that reads back in another form) goes through the upsert as before, which decides what is really
/// changed, so the counts stay exact; only a changed row whose 64-bit content hash equals the stored one
/// (about 1 in 10^19) would be missed.
/// </summary>
internal sealed class StoredRowHashes
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly SqlDialect _dialect;
    private readonly string[] _clinicIds;
    private readonly Dictionary<string, Dictionary<ulong, ulong>> _byTarget = new(StringComparer.Ordinal);

    public StoredRowHashes(DbConnection connection, DbTransaction transaction, SqlDialect dialect, IEnumerable<string> clinicIds)
    {
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
        _clinicIds = clinicIds.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The rows of <paramref name="rows"/> that are not stored exactly so (over <paramref name="target"/>'s columns).</summary>
    public async Task<IEnumerable<TRow>> NewOrDifferentAsync<TRow>(InsertTarget<TRow> target, IEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        if (_clinicIds.Length == 0)
        {
            return rows;
        }

        if (!_byTarget.TryGetValue(target.Name, out var stored))
        {
            stored = await ReadAsync(target, cancellationToken);
            _byTarget.Add(target.Name, stored);
        }

        return rows.Where(row =>
        {
            var values = new object?[target.Columns.Count];
            for (var index = 0; index < values.Length; index++)
            {
                values[index] = target.Value(row, index);
            }

            return !stored.TryGetValue(KeyHash(values[0]), out var content) || content != ContentHash(values);
        });
    }

    /// <summary>The statement that reads a target's stored rows, for <see cref="ISqlStatements"/>.</summary>
    public static string SelectSql<TRow>(InsertTarget<TRow> target, SqlDialect dialect) => $"""
        SELECT {string.Join(", ", target.Columns.Select(column => column.Column))}
        FROM {target.Table}
        WHERE clinic_id {dialect.InList("@ClinicIds")}
        """;

    private async Task<Dictionary<ulong, ulong>> ReadAsync<TRow>(InsertTarget<TRow> target, CancellationToken cancellationToken)
    {
        if (target.KeyColumns.Count != 1 || target.Columns[0].Column != target.KeyColumns[0])
        {
            throw new InvalidOperationException($"{target.Name}: a stored row's hash needs its one key column first.");
        }

        var stored = new Dictionary<ulong, ulong>();
        var command = new CommandDefinition(SelectSql(target, _dialect), new { ClinicIds = _clinicIds }, _transaction, cancellationToken: cancellationToken);
        await using var reader = await _connection.ExecuteReaderAsync(command);
        var values = new object?[target.Columns.Count];
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var index = 0; index < values.Length; index++)
            {
                values[index] = Read(reader, index, target.Columns[index].Type);
            }

            stored[KeyHash(values[0])] = ContentHash(values);
        }

        return stored;
    }

    // Each database hands a value back in its own form (SQLite: dates as text, booleans as integers); this
    // brings it to the row record's type, so a stored row and the same row read from a source hash alike.
    private static object? Read(DbDataReader reader, int ordinal, NpgsqlDbType type) => reader.IsDBNull(ordinal) ? null : type switch
    {
        NpgsqlDbType.Date => reader.GetValue(ordinal) switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            var value => DateOnly.ParseExact(value.ToString()![..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        },
        NpgsqlDbType.Boolean => Convert.ToBoolean(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture),
        NpgsqlDbType.Integer => Convert.ToInt32(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture),
        NpgsqlDbType.Bigint => Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture),
        NpgsqlDbType.Timestamp or NpgsqlDbType.TimestampTz => reader.GetDateTime(ordinal),
        _ => reader.GetString(ordinal),
    };

    private static ulong KeyHash(object? key) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(((string?)key ?? "").AsSpan()));

    // A type tag before each value, and a string's length, so ("ab", "c") and ("a", "bc") differ; a time
    // by its ticks whatever its kind (the row says UTC, a database may read it back as unspecified).
    private static ulong ContentHash(object?[] values)
    {
        var hash = new XxHash3();
        Span<byte> buffer = stackalloc byte[9];
        foreach (var value in values)
        {
            var length = 1;
            switch (value)
            {
                case null:
                    buffer[0] = 0;
                    break;
                case string text:
                    buffer[0] = 1;
                    BinaryPrimitives.WriteInt32LittleEndian(buffer[1..], text.Length);
                    hash.Append(buffer[..5]);
                    hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
                    continue;
                case DateOnly date:
                    buffer[0] = 2;
                    BinaryPrimitives.WriteInt32LittleEndian(buffer[1..], date.DayNumber);
                    length = 5;
                    break;
                case DateTime time:
                    buffer[0] = 3;
                    BinaryPrimitives.WriteInt64LittleEndian(buffer[1..], time.Ticks);
                    length = 9;
                    break;
                case bool flag:
                    buffer[0] = 4;
                    buffer[1] = flag ? (byte)1 : (byte)0;
                    length = 2;
                    break;
                case int number:
                    buffer[0] = 5;
                    BinaryPrimitives.WriteInt64LittleEndian(buffer[1..], number);
                    length = 9;
                    break;
                case long number:
                    buffer[0] = 5;
                    BinaryPrimitives.WriteInt64LittleEndian(buffer[1..], number);
                    length = 9;
                    break;
                default:
                    throw new NotSupportedException($"A column value of type {value.GetType().Name} cannot be hashed.");
            }

            hash.Append(buffer[..length]);
        }

        return hash.GetCurrentHashAsUInt64();
    }
}
