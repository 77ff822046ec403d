using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Tests.Data;

public sealed class WriteBehindTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(10_001)]
    public async Task CompleteAsync_HasWrittenEveryRowInOrderInBoundedBatches_WhateverTheCount(int count)
    {
        var written = new List<int>();
        var largestBatch = 0;
        await using (var writes = new WriteBehind<int>(async (batch, _) =>
        {
            await Task.Yield();
            largestBatch = Math.Max(largestBatch, batch.Count);
            written.AddRange(batch);
        }, batchRows: 1_000, CancellationToken.None))
        {
            for (var row = 0; row < count; row++)
            {
                await writes.AddAsync(row);
            }

            await writes.CompleteAsync();
        }

        Assert.Equal(Enumerable.Range(0, count), written);
        Assert.InRange(largestBatch, 0, 1_000);
    }

    [Fact]
    public async Task AddOrComplete_RethrowsTheWritersOwnException_WhenAWriteFails()
    {
        await using var writes = new WriteBehind<int>((batch, _) => batch[0] >= 200
            ? Task.FromException(new InvalidOperationException("the database refused row " + batch[0]))
            : Task.CompletedTask, batchRows: 100, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            for (var row = 0; row < 100_000; row++)
            {
                await writes.AddAsync(row);
            }

            await writes.CompleteAsync();
        });

        Assert.Equal("the database refused row 200", error.Message);
    }

    [Fact]
    public async Task DisposeAsync_StopsTheWriter_WhenTheCallerFailsBeforeCompleting()
    {
        var release = new TaskCompletionSource();
        var batchesWritten = 0;
        var writes = new WriteBehind<int>(async (_, token) =>
        {
            await release.Task.WaitAsync(token);
            batchesWritten++;
        }, batchRows: 10, CancellationToken.None);
        for (var row = 0; row < 25; row++)
        {
            await writes.AddAsync(row);
        }

        // The caller fails here (no CompleteAsync): the pending writes are abandoned, not finished.
        await writes.DisposeAsync();
        release.SetResult();

        Assert.Equal(0, batchesWritten);
    }
}
