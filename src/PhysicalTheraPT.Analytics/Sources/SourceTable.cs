using System.Data.Common;

namespace PhysicalTheraPT.Analytics.Sources;

/// <summary>
/// One contract table as a source returns it: named columns and a forward-only stream of rows. A value is
/// null (or <see cref="DBNull"/>) when blank; otherwise text in the contract's form or a typed value
/// (DateTime, DateOnly, DateTimeOffset, bool, a number) that <see cref="SourceRecords"/> writes in it.
/// </summary>
internal abstract class SourceTable : IAsyncDisposable
{
    /// <summary>The column names as the source gives them; matched to the contract's ignoring case and surrounding spaces.</summary>
    public abstract IReadOnlyList<string> ColumnNames { get; }

    public abstract ValueTask<bool> ReadAsync(CancellationToken cancellationToken);

    /// <summary>The value of column <paramref name="index"/> (of <see cref="ColumnNames"/>) in the current row.</summary>
    public abstract object? GetValue(int index);

    public abstract ValueTask DisposeAsync();

    /// <summary>A table over rows a kind builds itself (e.g. from several of its own tables), in <paramref name="columnNames"/> order.</summary>
    public static SourceTable FromRows(IReadOnlyList<string> columnNames, IAsyncEnumerable<object?[]> rows) => new RowsTable(columnNames, rows);

    /// <summary>A table over an open data reader (a query's result); disposes the reader, then <paramref name="owned"/> (its command), when done.</summary>
    public static SourceTable FromReader(DbDataReader reader, IAsyncDisposable? owned) => new ReaderTable(reader, owned);

    private sealed class RowsTable(IReadOnlyList<string> columnNames, IAsyncEnumerable<object?[]> rows) : SourceTable
    {
        private IAsyncEnumerator<object?[]>? _rows;

        public override IReadOnlyList<string> ColumnNames => columnNames;

        public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
        {
            _rows ??= rows.GetAsyncEnumerator(cancellationToken);
            return await _rows.MoveNextAsync();
        }

        public override object? GetValue(int index) => _rows!.Current[index];

        public override ValueTask DisposeAsync() => _rows?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private sealed class ReaderTable : SourceTable
    {
        private readonly DbDataReader _reader;
        private readonly IAsyncDisposable? _owned;

        public ReaderTable(DbDataReader reader, IAsyncDisposable? owned)
        {
            _reader = reader;
            _owned = owned;
            ColumnNames = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        }

        public override IReadOnlyList<string> ColumnNames { get; }

        public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => await _reader.ReadAsync(cancellationToken);

        public override object? GetValue(int index) => _reader.IsDBNull(index) ? null : _reader.GetValue(index);

        public override async ValueTask DisposeAsync()
        {
            await _reader.DisposeAsync();
            if (_owned is not null)
            {
                await _owned.DisposeAsync();
            }
        }
    }
}
