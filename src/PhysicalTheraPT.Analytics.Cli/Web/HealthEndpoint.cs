using Dapper;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Cli.Web;

/// <summary>
/// <c>GET /health</c>, without signing in, for a load balancer or a monitor: the database answers, a
/// Hangfire server is alive (a heartbeat within Scheduling:ServerTimeout), and the last successful
/// refresh-flags (and sync, once a sync has run) is recent enough. 200 when all hold, else 503; the body
/// says which check failed, with no patient data and no settings.
/// </summary>
internal static class HealthEndpoint
{
    /// <summary>The job helper branches add for clinic sources; read by name so it needs no reference to them.</summary>
    public const string SyncJob = "sync";

    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);

    public static void Map(WebApplication app, WebApp web) => app.MapGet("/health", WebApp.Handler(http => CheckAsync(http, web)));

    private static async Task<IResult> CheckAsync(HttpContext http, WebApp web)
    {
        var now = web.Get<TimeProvider>().GetUtcNow().UtcDateTime;
        var checks = new Dictionary<string, object?>(StringComparer.Ordinal);
        var healthy = true;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(DatabaseTimeout);
        try
        {
            await using var connection = await web.Get<AnalyticsDatabase>().OpenAsync(timeout.Token);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: timeout.Token));
            checks["database"] = "ok";
            var runs = web.Get<LastSuccessReader>();
            healthy &= await AgeAsync(runs, JobNames.RefreshFlags, web.Options.HealthMaxFlagsAge, now, checks, required: true, timeout.Token);
            healthy &= await AgeAsync(runs, SyncJob, web.Options.HealthMaxSyncAge, now, checks, required: false, timeout.Token);
        }
#pragma warning disable CA1031 // Whatever the database throws, the answer is the same: it is not reachable.
        catch (Exception)
#pragma warning restore CA1031
        {
            checks["database"] = "unreachable";
            healthy = false;
        }

        var serverTimeout = web.Get<IOptions<SchedulingOptions>>().Value.ServerTimeout;
        try
        {
            var servers = http.RequestServices.GetRequiredService<JobStorage>().GetMonitoringApi().Servers();
            var alive = servers.Count(server => server.Heartbeat is { } beat && now - beat < serverTimeout);
            checks["hangfireServersAlive"] = alive;
            healthy &= alive > 0;
        }
#pragma warning disable CA1031 // The job storage may be the database that is down: reported, not thrown.
        catch (Exception)
#pragma warning restore CA1031
        {
            checks["hangfireServersAlive"] = 0;
            healthy = false;
        }

        checks["status"] = healthy ? "healthy" : "unhealthy";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(checks, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// Reports a job's last success and whether it is recent enough. A job that never ran at all is fine (a
    /// fresh install waits for its first night; without sources there is no sync), and is left out of the
    /// answer unless <paramref name="required"/>; one that ran but never succeeded, or not lately, is not fine.
    /// </summary>
    private static async Task<bool> AgeAsync(LastSuccessReader runs, string job, TimeSpan maxAge, DateTime now, Dictionary<string, object?> checks, bool required, CancellationToken cancellationToken)
    {
        var (count, lastSucceeded) = await runs.ReadAsync(job, cancellationToken);
        if (count == 0 && !required)
        {
            return true;
        }

        var age = lastSucceeded is { } at ? now - at : (TimeSpan?)null;
        checks[job] = new Dictionary<string, object?>
        {
            ["lastSucceededUtc"] = lastSucceeded?.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["ageHours"] = age is { } hours ? Math.Round(hours.TotalHours, 1) : null,
            ["maxAgeHours"] = Math.Round(maxAge.TotalHours, 1),
        };
        return age is { } known ? known <= maxAge : count == 0;
    }
}
