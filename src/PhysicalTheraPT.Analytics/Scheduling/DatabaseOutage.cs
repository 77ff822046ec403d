using System.Data.Common;
using System.Net.Sockets;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>
/// Tells a database that is not answering for now (restarting, 57P03 "starting up", connection refused,
/// a timeout) from one that refuses for good, and waits out the first for a bounded time.
/// </summary>
internal static class DatabaseOutage
{
    public static bool IsOutage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true } or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Runs <paramref name="action"/>, again and again while the database is out, waiting twice as long
    /// each time (up to 10 s), until it answers or <paramref name="patience"/> has passed; then the
    /// outage is thrown as it came.
    /// </summary>
    public static async Task<T> WaitOutAsync<T>(Func<T> action, TimeSpan patience, TimeProvider time, CancellationToken cancellationToken)
    {
        var giveUpAt = time.GetUtcNow() + patience;
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                return action();
            }
            catch (Exception exception) when (IsOutage(exception) && time.GetUtcNow() + delay < giveUpAt)
            {
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }
}
