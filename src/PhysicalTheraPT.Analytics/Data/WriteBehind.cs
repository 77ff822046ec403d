using System.Threading.Channels;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// Writes rows in batches on a task of its own while the caller goes on producing them: the caller hands
/// rows over and never waits for the database, unless it is a couple of batches ahead. Order is kept;
/// memory holds at most a few batches. The write function must be the only user of its connection until
/// <see cref="CompleteAsync"/> returns.
/// </summary>
internal sealed class WriteBehind<TRow> : IAsyncDisposable
{
    /// <summary>Full batches waiting for the writer: enough to keep it busy, few enough to stay small.</summary>
    private const int BatchesAhead = 2;

    private readonly Channel<List<TRow>> _channel = Channel.CreateBounded<List<TRow>>(new BoundedChannelOptions(BatchesAhead)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly CancellationTokenSource _stop;
    private readonly int _batchRows;
    private readonly Task _writer;
    private List<TRow> _batch;

    public WriteBehind(Func<IReadOnlyList<TRow>, CancellationToken, Task> write, int batchRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchRows, 1);
        _batchRows = batchRows;
        _batch = new List<TRow>(batchRows);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _writer = Task.Run(() => WriteAllAsync(write, _stop.Token), CancellationToken.None);
    }

    public async ValueTask AddAsync(TRow row)
    {
        _batch.Add(row);
        if (_batch.Count == _batchRows)
        {
            await HandOverAsync();
        }
    }

    /// <summary>Writes what is left and waits for every write; a failed write is rethrown here as it was.</summary>
    public async Task CompleteAsync()
    {
        if (_batch.Count > 0)
        {
            await HandOverAsync();
        }

        _channel.Writer.TryComplete();
        await _writer;
    }

    public async ValueTask DisposeAsync()
    {
        // Still running only when the caller failed before CompleteAsync: stop writing, the caller's
        // transaction is about to roll back.
        _channel.Writer.TryComplete();
        await _stop.CancelAsync();
        await _writer.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async ValueTask HandOverAsync()
    {
        var batch = _batch;
        _batch = new List<TRow>(_batchRows);
        if (!_channel.Writer.TryWrite(batch))
        {
            try
            {
                await _channel.Writer.WriteAsync(batch, _stop.Token);
            }
            catch (ChannelClosedException)
            {
                // The writer stopped on an error: that error is the one to report.
                await _writer;
                throw;
            }
        }
    }

    private async Task WriteAllAsync(Func<IReadOnlyList<TRow>, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in _channel.Reader.ReadAllAsync(cancellationToken))
            {
                await write(batch, cancellationToken);
            }
        }
        catch
        {
            // Nobody waits to hand over to a writer that has stopped.
            _channel.Writer.TryComplete();
            throw;
        }
    }
}
