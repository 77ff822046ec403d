using System.Globalization;
using Npgsql;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// A table new rows go into, and per column how to take its value from a row: one list of columns for
/// both ways in, the INSERT run per row (<see cref="InsertSql"/>, parameters named after the row's
/// properties) and PostgreSQL's binary COPY (<see cref="CopyAsync"/>), which costs the server a fraction
/// of an INSERT per row: that matters on a machine whose cores the server shares with the pass that
/// produces the rows.
/// </summary>
internal sealed class InsertTarget<TRow>(string table, IReadOnlyList<(string Column, Func<TRow, object?> Value)> columns)
{
    public string Table { get; } = table;

    public IReadOnlyList<(string Column, Func<TRow, object?> Value)> Columns { get; } = columns;

    /// <summary>The same for all three databases: <c>clinic_id</c> binds <c>@ClinicId</c>.</summary>
    public string InsertSql =>
        $"INSERT INTO {Table} ({string.Join(", ", Columns.Select(column => column.Column))}) " +
        $"VALUES ({string.Join(", ", Columns.Select(column => "@" + SqlDialect.ToParameterName(column.Column)))})";

    public async Task<int> CopyAsync(NpgsqlConnection connection, IReadOnlyCollection<TRow> rows, CancellationToken cancellationToken)
    {
        var columnList = string.Join(", ", Columns.Select(column => column.Column));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {Table} ({columnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var (_, value) in Columns)
            {
                await WriteAsync(importer, value(row), cancellationToken);
            }
        }

        return (int)await importer.CompleteAsync(cancellationToken);
    }

    // Binary COPY needs each value in its column's own type: the columns of the tables copied into are
    // text, date and integer.
    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken) => value switch
    {
        null => importer.WriteNullAsync(cancellationToken),
        string text => importer.WriteAsync(text, cancellationToken),
        DateOnly date => importer.WriteAsync(date, cancellationToken),
        int number => importer.WriteAsync(number, cancellationToken),
        _ => throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture, $"COPY of a {value.GetType().Name} value is not supported.")),
    };
}
