using System.Globalization;
using Spectre.Console;

namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>
/// A status line counting the patients read while a command makes its one pass over the histories, so a
/// long read of a large clinic group shows it is moving.
/// </summary>
internal static class ReadingProgress
{
    public static async Task<T> RunAsync<T>(CommandContext context, Func<IProgress<int>?, Task<T>> work)
    {
        // A redirected console would get every update as a line of its own: nobody watches it move there.
        if (!context.Console.Profile.Capabilities.Interactive)
        {
            return await work(null);
        }

        T result = default!;
        await context.Console.Status().StartAsync("Reading patient histories...", async status =>
        {
            var progress = new SynchronousProgress<int>(patients =>
                status.Status(string.Create(CultureInfo.InvariantCulture, $"Reading patient histories... {patients:N0} read")));
            result = await work(progress);
        });
        return result;
    }
}
