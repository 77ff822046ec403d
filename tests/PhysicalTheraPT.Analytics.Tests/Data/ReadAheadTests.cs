using System.Runtime.CompilerServices;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Tests.Data;

public sealed class ReadAheadTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(512)]
    [InlineData(10_007)]
    public async Task ReadAheadAsync_YieldsEveryRowInOrder_WhateverTheCount(int count)
    {
        var rows = new List<int>();

        await foreach (var row in Numbers(count).ReadAheadAsync())
        {
            rows.Add(row);
        }

        Assert.Equal(Enumerable.Range(0, count), rows);
    }

    [Fact]
    public async Task ReadAheadAsync_RethrowsTheSourcesOwnException_AfterTheRowsBeforeIt()
    {
        var rows = new List<int>();

        var error = await Assert.ThrowsAsync<UserInputException>(async () =>
        {
            await foreach (var row in Numbers(2_000, failAt: 1_500).ReadAheadAsync())
            {
                rows.Add(row);
            }
        });

        Assert.Equal("failed at 1500", error.Message);
        Assert.Equal(Enumerable.Range(0, 1_500), rows);
    }

    [Fact]
    public async Task ReadAheadAsync_StopsAndDisposesTheSource_WhenTheCallerStopsEarly()
    {
        var disposed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await foreach (var row in Numbers(1_000_000, disposed: disposed).ReadAheadAsync())
        {
            if (row == 10)
            {
                break;
            }
        }

        // The reading thread has been told to stop and has let go of its source before the loop returns.
        Assert.True(disposed.Task.IsCompleted);
    }

    private static async IAsyncEnumerable<int> Numbers(
        int count, int? failAt = null, TaskCompletionSource? disposed = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            for (var number = 0; number < count; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (number == failAt)
                {
                    throw new UserInputException($"failed at {number}");
                }

                if (number % 1_000 == 0)
                {
                    await Task.Yield();
                }

                yield return number;
            }
        }
        finally
        {
            disposed?.TrySetResult();
        }
    }
}
