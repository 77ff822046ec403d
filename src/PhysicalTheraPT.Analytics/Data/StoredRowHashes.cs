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
internal sealed class StoredRowHashes : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly SqlDialect _dialect;
    private readonly string[] _clinicIds;
    private readonly Func<CancellationToken, Task<DbConnection>>? _openReader;
    private readonly Dictionary<string, Dictionary<ulong, ulong>> _byTarget = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<ulong, ulong>> _byTable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<Dictionary<ulong, ulong>>> _readingAhead = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();

    /// <param name="openReader">
    /// Opens another connection to the same store, for <see cref="ReadAhead"/>; null where there is none
    /// (an in-memory SQLite database is one connection's own).
    /// </param>
    public StoredRowHashes(DbConnection connection, DbTransaction transaction, SqlDialect dialect, IEnumerable<string> clinicIds, Func<CancellationToken, Task<DbConnection>>? openReader = null)
    {
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
        _clinicIds = clinicIds.Distinct(StringComparer.Ordinal).ToArray();
        _openReader = openReader;
    }

    /// <summary>Whether <paramref name="database"/> can be read on a second connection while a first one writes (not an in-memory SQLite database).</summary>
    public static bool HasSecondConnection(AnalyticsDatabase database) =>
        database.Provider != DatabaseProvider.Sqlite
        || new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString) is { Mode: not Microsoft.Data.Sqlite.SqliteOpenMode.Memory, DataSource: not ("" or ":memory:") };

    /// <summary>
    /// Starts reading <paramref name="target"/>'s stored rows now, on a connection of their own, while the
    /// sync reads its source (two cores instead of one after the other). Sound because nothing has written
    /// to the target's table yet: the sync writes each table only after its rows are read, on SQLite its
    /// transaction already holds the write lock (no other writer can slip in between), and elsewhere a read
    /// inside the transaction would see other writers' commits just as well (read committed).
    /// </summary>
    public void ReadAhead<TRow>(InsertTarget<TRow> target)
    {
        if (_openReader is null || _clinicIds.Length == 0 || _byTarget.ContainsKey(target.Name) || _readingAhead.ContainsKey(target.Name))
        {
            return;
        }

        var token = _stop.Token;
        _readingAhead[target.Name] = Task.Run(async () =>
        {
            await using var connection = await _openReader(token);
            return await ReadAsync(target, connection, transaction: null, token);
        }, token);
    }

    /// <summary>Stops a read ahead nobody waited for (the sync failed first).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var reading in _readingAhead.Values)
        {
            await reading.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        _stop.Dispose();
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
            stored = _readingAhead.Remove(target.Name, out var reading)
                ? await reading.WaitAsync(cancellationToken)
                : await ReadAsync(target, _connection, _transaction, cancellationToken);
            _byTarget.Add(target.Name, stored);
            _byTable[target.Table] = stored;
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

    /// <summary>
    /// Whether every row of <paramref name="table"/> that was stored for <paramref name="clinicIds"/> has an
    /// id <paramref name="returned"/> holds (by the id's hash, <see cref="IdHash"/>), so the mirror has
    /// nothing to remove there and need not read the ids again; null when this cannot tell (the table's rows
    /// were not read, or some of those clinics were not among the ones read).
    /// </summary>
    public bool? AllReturned(string table, IEnumerable<string> clinicIds, Func<ulong, bool> returned)
    {
        if (!_byTable.TryGetValue(table, out var stored) || !clinicIds.All(clinicId => _clinicIds.Contains(clinicId, StringComparer.Ordinal)))
        {
            return null;
        }

        foreach (var key in stored.Keys)
        {
            if (!returned(key))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The 64-bit hash a stored row's id is kept by (XxHash3 of its UTF-16 text); also the returned ids' (Sources/ReturnedIds).</summary>
    public static ulong IdHash(string id) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()));

    /// <summary>The statement that reads a target's stored rows, for <see cref="ISqlStatements"/>.</summary>
    public static string SelectSql<TRow>(InsertTarget<TRow> target, SqlDialect dialect) => $"""
        SELECT {string.Join(", ", target.Columns.Select(column => column.Column))}
        FROM {target.Table}
        WHERE clinic_id {dialect.InList("@ClinicIds")}
        """;

    private async Task<Dictionary<ulong, ulong>> ReadAsync<TRow>(InsertTarget<TRow> target, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (target.KeyColumns.Count != 1 || target.Columns[0].Column != target.KeyColumns[0])
        {
            throw new InvalidOperationException($"{target.Name}: a stored row's hash needs its one key column first.");
        }

        var stored = new Dictionary<ulong, ulong>();
        var command = new CommandDefinition(SelectSql(target, _dialect), new { ClinicIds = _clinicIds }, transaction, cancellationToken: cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(command);
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
        NpgsqlDbType.Timestamp or NpgsqlDbType.TimestampTz => reader.GetValue(ordinal) is string text && TryParseSecondsText(text, out var time) ? time : reader.GetDateTime(ordinal),
        _ => reader.GetString(ordinal),
    };

    // SQLite keeps a time as text, which its driver parses with the general DateTime.Parse: most of the
    // cost of reading a million stored appointments. The form this service writes ("yyyy-MM-dd HH:mm:ss",
    // or with a T) is read directly, to the same value; any other form goes to the driver as before.
    private static bool TryParseSecondsText(string text, out DateTime time)
    {
        time = default;
        var span = text.AsSpan();
        if (span.Length != 19 || span[4] != '-' || span[7] != '-' || span[10] is not (' ' or 'T') || span[13] != ':' || span[16] != ':')
        {
            return false;
        }

        static bool Digits(ReadOnlySpan<char> part, out int value) =>
            int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);

        if (!Digits(span[..4], out var year) || !Digits(span[5..7], out var month) || !Digits(span[8..10], out var day)
            || !Digits(span[11..13], out var hour) || !Digits(span[14..16], out var minute) || !Digits(span[17..19], out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    private static ulong KeyHash(object? key) => IdHash((string?)key ?? "");

    // A type tag before each value, and a string's length, so ("ab", "c") and ("a", "bc") differ; a time
    // by its ticks whatever its kind (the row says UTC, a database may read it back as unspecified). The
    // row is laid out in one buffer and hashed at once: cheaper than feeding a hasher value by value.
    private static ulong ContentHash(object?[] values)
    {
        var size = 0;
        foreach (var value in values)
        {
            size += value is string text ? 5 + (text.Length * 2) : 9;
        }

        var rented = size > 1024 ? System.Buffers.ArrayPool<byte>.Shared.Rent(size) : null;
        Span<byte> buffer = rented ?? stackalloc byte[1024];
        var at = 0;
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    buffer[at++] = 0;
                    break;
                case string text:
                    buffer[at] = 1;
                    BinaryPrimitives.WriteInt32LittleEndian(buffer[(at + 1)..], text.Length);
                    MemoryMarshal.AsBytes(text.AsSpan()).CopyTo(buffer[(at + 5)..]);
                    at += 5 + (text.Length * 2);
                    break;
                case DateOnly date:
                    buffer[at] = 2;
                    BinaryPrimitives.WriteInt32LittleEndian(buffer[(at + 1)..], date.DayNumber);
                    at += 5;
                    break;
                case DateTime time:
                    buffer[at] = 3;
                    BinaryPrimitives.WriteInt64LittleEndian(buffer[(at + 1)..], time.Ticks);
                    at += 9;
                    break;
                case bool flag:
                    buffer[at] = 4;
                    buffer[at + 1] = flag ? (byte)1 : (byte)0;
                    at += 2;
                    break;
                case int number:
                    buffer[at] = 5;
                    BinaryPrimitives.WriteInt64LittleEndian(buffer[(at + 1)..], number);
                    at += 9;
                    break;
                case long number:
                    buffer[at] = 5;
                    BinaryPrimitives.WriteInt64LittleEndian(buffer[(at + 1)..], number);
                    at += 9;
                    break;
                default:
                    throw new NotSupportedException($"A column value of type {value.GetType().Name} cannot be hashed.");
            }
        }

        var hash = XxHash3.HashToUInt64(buffer[..at]);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }

        return hash;
    }
}
