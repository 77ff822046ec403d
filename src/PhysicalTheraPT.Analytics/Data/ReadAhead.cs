using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// Reads a row stream ahead on a thread of its own, in small batches through a bounded channel, so the
/// database driver turns rows into objects on one core while the caller works on the rows before them on
/// another. Order is kept (one reader, one consumer); memory holds at most a few batches, never the
/// stream; an error while reading reaches the caller at the row where it happened.
/// </summary>
internal static class ReadAhead
{
    /// <summary>Rows handed over at a time: enough that the hand-over costs next to nothing per row.</summary>
    /// <remarks>
    /// Kept small on purpose, with <see cref="BatchesAhead"/>: rows waiting in the channel are alive when the
    /// garbage collector runs, so they are promoted to older generations and die there, which costs a gen1
    /// or even a full collection each time. At 512 rows and 8 batches ahead, three streams kept about 12,000
    /// rows (5 MB) waiting, and the nightly pass on 1.25M appointments spent 35 full and 47 gen1 collections
    /// where the floor spends one; at 64 × 4 the rows die young, as they do in the floor (1 and 2).
    /// </remarks>
    private const int BatchRows = 64;

    /// <summary>Batches read ahead of the caller: enough to keep both sides busy, few enough that rows die young.</summary>
    private const int BatchesAhead = 4;

    public static async IAsyncEnumerable<TRow> ReadAheadAsync<TRow>(
        this IAsyncEnumerable<TRow> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<TRow[]>(new BoundedChannelOptions(BatchesAhead)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        // Stops the reader when the caller stops early (an error, a break, cancellation), so no
        // connection is left streaming into a channel nobody empties.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => FillAsync(source, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            while (await NextBatchAsync(channel.Reader, cancellationToken) is { } batch)
            {
                foreach (var row in batch)
                {
                    yield return row;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reader.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>The next batch, or null at the end; a failure of the reading thread rethrown as it was.</summary>
    private static async ValueTask<TRow[]?> NextBatchAsync<TRow>(ChannelReader<TRow[]> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken) && reader.TryRead(out var batch) ? batch : null;
        }
        catch (ChannelClosedException closed) when (closed.InnerException is { } failure)
        {
            // The channel wraps what the reading thread threw; the caller must see the database's own error
            // (or a UserInputException saying what to fix), with its stack.
            ExceptionDispatchInfo.Throw(failure);
            throw;
        }
    }

    private static async Task FillAsync<TRow>(IAsyncEnumerable<TRow> source, ChannelWriter<TRow[]> writer, CancellationToken cancellationToken)
    {
        var batch = new TRow[BatchRows];
        var count = 0;
        try
        {
            await foreach (var row in source.WithCancellation(cancellationToken))
            {
                batch[count++] = row;
                if (count == BatchRows)
                {
                    await writer.WriteAsync(batch, cancellationToken);
                    batch = new TRow[BatchRows];
                    count = 0;
                }
            }
        }
#pragma warning disable CA1031 // Every failure is handed to the consumer, which rethrows it where it reads.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // The rows read before the failure still reach the caller, then the failure itself.
            await HandOverAsync(writer, batch, count, cancellationToken);
            writer.TryComplete(exception);
            return;
        }

        await HandOverAsync(writer, batch, count, cancellationToken);
        writer.TryComplete();
    }

    private static async Task HandOverAsync<TRow>(ChannelWriter<TRow[]> writer, TRow[] batch, int count, CancellationToken cancellationToken)
    {
        if (count == 0 || cancellationToken.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await writer.WriteAsync(batch[..count], cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The caller stopped reading: nobody is waiting for these rows.
        }
    }
}
