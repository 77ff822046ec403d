using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>
/// Routes Hangfire's own log (a process-wide setting) into the command's logging for as long as the
/// returned scope lives, and turns it off again before that logging is disposed, so nothing Hangfire
/// builds later holds on to a disposed logger factory.
/// </summary>
internal sealed class HangfireLogging : IDisposable
{
    private HangfireLogging(ILoggerFactory loggerFactory)
    {
        Provider = new AspNetCoreLogProvider(loggerFactory);
        LogProvider.SetCurrentLogProvider(Provider);
    }

    public ILogProvider Provider { get; }

    public static HangfireLogging RouteTo(ILoggerFactory loggerFactory) => new(loggerFactory);

    public void Dispose() => LogProvider.SetCurrentLogProvider(null);
}
