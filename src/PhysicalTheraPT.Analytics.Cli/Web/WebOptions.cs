namespace PhysicalTheraPT.Analytics.Cli.Web;

/// <summary>The web app of <c>serve</c> (section <c>Web</c>); docs/web.md explains each setting.</summary>
internal sealed class WebOptions
{
    /// <summary>
    /// A session ends after this long without a request (default 30 minutes; each request starts the time
    /// again): long enough for a run of calls, short enough that a browser left open at the desk signs out.
    /// </summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>"Recently contacted" shows this many days of calls (default 14: two weeks of retries).</summary>
    public int RecentDays { get; set; } = 14;

    /// <summary>
    /// <c>GET /health</c> answers 503 when the last successful refresh-flags is older than this (default
    /// 26 hours: the nightly run and two hours' slack).
    /// </summary>
    public TimeSpan HealthMaxFlagsAge { get; set; } = TimeSpan.FromHours(26);

    /// <summary><c>GET /health</c> answers 503 when the last successful sync is older than this (default 26 hours); only once a sync has run.</summary>
    public TimeSpan HealthMaxSyncAge { get; set; } = TimeSpan.FromHours(26);

    public void Validate()
    {
        if (SessionIdleTimeout < TimeSpan.FromMinutes(1) || SessionIdleTimeout > TimeSpan.FromDays(1))
        {
            throw new UserInputException($"Web:SessionIdleTimeout {SessionIdleTimeout} must be between 00:01:00 and 1.00:00:00 (default 00:30:00).");
        }

        if (RecentDays is < 1 or > 366)
        {
            throw new UserInputException($"Web:RecentDays {RecentDays} must be between 1 and 366 (default 14).");
        }

        if (HealthMaxFlagsAge <= TimeSpan.Zero || HealthMaxSyncAge <= TimeSpan.Zero)
        {
            throw new UserInputException("Web:HealthMaxFlagsAge and Web:HealthMaxSyncAge must be positive times, e.g. 1.02:00:00 for 26 hours.");
        }
    }
}
