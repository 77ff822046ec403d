using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using Npgsql;
using NpgsqlTypes;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// A table rows go into: its key and its columns, each with its PostgreSQL type. A column's value is the
/// row's property named after it (<c>clinic_id</c> is <c>ClinicId</c>), which is also what the statements
/// run per row bind (<c>@ClinicId</c>), so this one list of columns serves every way in: the INSERT or
/// upsert per row (<see cref="InsertSql"/>, <see cref="UpsertSql"/>) and PostgreSQL's binary COPY
/// (<see cref="CopyAsync"/>), which costs the server a fraction of a statement per row: that matters on a
/// machine whose cores the server shares with the pass that produces the rows.
/// </summary>
internal sealed class InsertTarget<TRow>
{
    // Key values compare as PostgreSQL's unique index does: strings ordinally, column by column.
    private static readonly IEqualityComparer<object?[]> SameKey = EqualityComparer<object?[]>.Create(
        (left, right) => StructuralComparisons.StructuralEqualityComparer.Equals(left, right),
        key => StructuralComparisons.StructuralEqualityComparer.GetHashCode(key));

    private readonly Func<TRow, object?>[] _values;
    private readonly Func<TRow, object?>[] _keyValues;

    /// <exception cref="ArgumentException">
    /// A column without a property of its name and of its type on <typeparamref name="TRow"/>, or a key
    /// column that is not a column: found the first time the target is used, not in a clinic's import.
    /// </exception>
    /// <param name="name">
    /// What this way into the table is called (its statements, its PostgreSQL staging table), when a table
    /// has more than one target (patients with and without the consent columns); the table's name by default.
    /// </param>
    public InsertTarget(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<(string Column, NpgsqlDbType Type)> columns, string? name = null)
    {
        Table = table;
        Name = name ?? table;
        KeyColumns = keyColumns;
        Columns = columns;
        ColumnNames = columns.Select(column => column.Column).ToArray();
        _values = columns.Select(column => ValueOf(column.Column, column.Type)).ToArray();
        _keyValues = keyColumns.Select(KeyValueOf).ToArray();
    }

    public string Table { get; }

    /// <summary>The table's name, or this target's own when the table has several (see the constructor).</summary>
    public string Name { get; }

    public IReadOnlyList<string> KeyColumns { get; }

    public IReadOnlyList<(string Column, NpgsqlDbType Type)> Columns { get; }

    private string[] ColumnNames { get; }

    /// <summary>The same for all three databases: <c>clinic_id</c> binds <c>@ClinicId</c>.</summary>
    public string InsertSql =>
        $"INSERT INTO {Table} ({string.Join(", ", ColumnNames)}) " +
        $"VALUES ({string.Join(", ", ColumnNames.Select(column => "@" + SqlDialect.ToParameterName(column)))})";

    /// <summary>The value of column <paramref name="index"/> (of <see cref="Columns"/>) of <paramref name="row"/>.</summary>
    public object? Value(TRow row, int index) => _values[index](row);

    /// <summary>The insert-or-update by key of one row (<see cref="SqlDialect.Upsert"/>).</summary>
    public string UpsertSql(SqlDialect dialect) => dialect.Upsert(Table, KeyColumns, ColumnNames);

    /// <summary>PostgreSQL's upsert of a batch through a staging table (<see cref="SqlDialect.StagedUpsert"/>).</summary>
    public StagedUpsertSql StagedUpsertSql(SqlDialect dialect) => dialect.StagedUpsert(Table, KeyColumns, ColumnNames, "staging_" + Name);

    /// <summary>The statements an upsert into this table sends on <paramref name="dialect"/>, for <see cref="ISqlStatements"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> UpsertStatementsFor(SqlDialect dialect)
    {
        if (!dialect.CopiesRows)
        {
            yield return new($"{Name} upsert", UpsertSql(dialect));
            yield break;
        }

        var staged = StagedUpsertSql(dialect);
        yield return new($"{Name} create staging table", staged.CreateStagingTable);
        yield return new($"{Name} upsert from staging table", staged.UpsertFromStaging);
        yield return new($"{Name} empty staging table", staged.EmptyStagingTable);
    }

    /// <summary>
    /// The rows with only the last of each key, in their order: row by row, the later of two rows with
    /// one key overwrites the earlier, and an upsert of the whole batch in one statement must end the
    /// same way (PostgreSQL refuses to change one row twice in one statement). The batch itself when no
    /// key repeats, the usual case.
    /// </summary>
    public IReadOnlyCollection<TRow> LastOfEachKey(IReadOnlyCollection<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var keys = rows.Select(KeyOf).ToArray();
        var lastIndexOfKey = new Dictionary<object?[], int>(keys.Length, SameKey);
        for (var index = 0; index < keys.Length; index++)
        {
            lastIndexOfKey[keys[index]] = index;
        }

        return lastIndexOfKey.Count == keys.Length
            ? rows
            : rows.Where((_, index) => lastIndexOfKey[keys[index]] == index).ToList();
    }

    /// <summary>Copies <paramref name="rows"/> into <paramref name="table"/>: this table or one shaped like it.</summary>
    public async Task<int> CopyAsync(NpgsqlConnection connection, string table, IReadOnlyCollection<TRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", ColumnNames)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var column = 0; column < Columns.Count; column++)
            {
                await WriteAsync(importer, _values[column](row), Columns[column].Type, cancellationToken);
            }
        }

        return (int)await importer.CompleteAsync(cancellationToken);
    }

    // Binary COPY sends each value in its column's own wire format, with no conversion on the server: the
    // type is said explicitly, so a value of another type fails here instead of landing as garbage.
    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, NpgsqlDbType type, CancellationToken cancellationToken) => value switch
    {
        null => importer.WriteNullAsync(cancellationToken),
        string text => importer.WriteAsync(text, type, cancellationToken),
        DateOnly date => importer.WriteAsync(date, type, cancellationToken),
        int number => importer.WriteAsync(number, type, cancellationToken),
        long number => importer.WriteAsync(number, type, cancellationToken),
        bool flag => importer.WriteAsync(flag, type, cancellationToken),
        // timestamp takes a wall-clock DateTime (kind Unspecified), timestamptz a UTC one: Npgsql refuses
        // the other kind rather than shift the time.
        DateTime dateTime => importer.WriteAsync(dateTime, type, cancellationToken),
        _ => throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture, $"COPY of a {value.GetType().Name} value is not supported.")),
    };

    /// <summary>The CLR type a column of <paramref name="type"/> takes from a row (nullable or not).</summary>
    private static Type ClrTypeOf(NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.Varchar or NpgsqlDbType.Text => typeof(string),
        NpgsqlDbType.Date => typeof(DateOnly),
        NpgsqlDbType.Integer => typeof(int),
        NpgsqlDbType.Bigint => typeof(long),
        NpgsqlDbType.Boolean => typeof(bool),
        NpgsqlDbType.Timestamp or NpgsqlDbType.TimestampTz => typeof(DateTime),
        _ => throw new NotSupportedException($"Columns of type {type} are not supported."),
    };

    private static Func<TRow, object?> ValueOf(string column, NpgsqlDbType type)
    {
        var propertyName = SqlDialect.ToParameterName(column);
        var property = typeof(TRow).GetProperty(propertyName)
            ?? throw new ArgumentException($"{typeof(TRow).Name} has no property {propertyName} for column {column}.", nameof(column));
        var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (propertyType != ClrTypeOf(type))
        {
            throw new ArgumentException($"{typeof(TRow).Name}.{propertyName} is a {propertyType.Name}, but column {column} is {type}.", nameof(type));
        }

        // Compiled once: a getter per value of millions of rows, where reflection would cost a call each.
        var row = Expression.Parameter(typeof(TRow), "row");
        return Expression.Lambda<Func<TRow, object?>>(Expression.Convert(Expression.Property(row, property), typeof(object)), row).Compile();
    }

    private Func<TRow, object?> KeyValueOf(string keyColumn)
    {
        var index = Array.IndexOf(ColumnNames, keyColumn);
        return index >= 0
            ? _values[index]
            : throw new ArgumentException($"Key column {keyColumn} is not a column of {Table}.", nameof(keyColumn));
    }

    private object?[] KeyOf(TRow row)
    {
        var key = new object?[_keyValues.Length];
        for (var index = 0; index < key.Length; index++)
        {
            key[index] = _keyValues[index](row);
        }

        return key;
    }
}
