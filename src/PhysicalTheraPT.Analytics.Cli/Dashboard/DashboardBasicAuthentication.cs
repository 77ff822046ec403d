using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;

namespace PhysicalTheraPT.Analytics.Cli.Dashboard;

/// <summary>
/// HTTP basic authentication against the configured dashboard users, in front of the dashboard: a
/// request without valid credentials gets 401, one from a locked-out name or address, or past the attempts
/// allowed in flight, 429, and one while too many sign-ins wait for a hash check 503 (see
/// <see cref="SignInGuard"/>). Whoever is not an admin sees the dashboard read-only: no trigger, requeue
/// or delete. Basic authentication sends the password with every request, so a dashboard reached over a
/// network belongs behind HTTPS (a reverse proxy).
/// </summary>
internal sealed class DashboardBasicAuthentication : IDashboardAuthorizationFilter
{
    private const string UserItem = "ptanalytics.dashboard-user";

    private readonly SignInGuard _guard;
    private readonly Func<HttpContext, DashboardUser?> _sessionUser;

    /// <param name="sessionUser">The user signed in to the web app in this browser, if any: they need no second sign-in.</param>
    public DashboardBasicAuthentication(SignInGuard guard, Func<HttpContext, DashboardUser?>? sessionUser = null)
    {
        _guard = guard;
        _sessionUser = sessionUser ?? (_ => null);
    }

    /// <summary>Middleware for the dashboard's path: signs the request in, or answers 401, 403, 429 or 503 itself.</summary>
    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (_sessionUser(http) is { } signedIn)
        {
            await AdmitAsync(http, next, signedIn);
            return;
        }

        if (ReadCredentials(http.Request.Headers.Authorization.ToString()) is not var (name, password))
        {
            Challenge(http);
            return;
        }

        var outcome = await _guard.SignInAsync(name, password, http.Connection.RemoteIpAddress, http.RequestAborted);
        if (outcome.RefusedUntil is { } until)
        {
            http.Response.StatusCode = outcome.Busy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests;
            var seconds = Math.Max(1, (int)Math.Ceiling((until - DateTimeOffset.UtcNow).TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await http.Response.WriteAsync(outcome.Busy ? "Too many sign-ins at once: try again later." : "Too many sign-ins: try again later.", http.RequestAborted);
            return;
        }

        if (outcome.User is not { } user)
        {
            Challenge(http);
            return;
        }

        await AdmitAsync(http, next, user);
    }

    // Front desk signs in to the web app but has no dashboard.
    private static async Task AdmitAsync(HttpContext http, RequestDelegate next, DashboardUser user)
    {
        if (!user.SeesDashboard)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.Response.WriteAsync("Front desk users have no jobs dashboard.", http.RequestAborted);
            return;
        }

        http.Items[UserItem] = user;
        await next(http);
    }

    /// <summary>For Hangfire: lets in whom the middleware signed in.</summary>
    public bool Authorize(DashboardContext context) => context.GetHttpContext().Items[UserItem] is DashboardUser;

    /// <summary>For <c>IsReadOnlyFunc</c>: read-only unless the signed-in user is an admin.</summary>
    public static bool IsReadOnly(DashboardContext context) =>
        context.GetHttpContext().Items[UserItem] is not DashboardUser { IsAdmin: true };

    /// <summary>The name and password of an <c>Authorization: Basic</c> header, or null.</summary>
    public static (string Name, string Password)? ReadCredentials(string? authorizationHeader)
    {
        if (!AuthenticationHeaderValue.TryParse(authorizationHeader, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return null;
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return null;
        }

        var separator = credentials.IndexOf(':', StringComparison.Ordinal);
        return separator < 0 ? null : (credentials[..separator], credentials[(separator + 1)..]);
    }

    private static void Challenge(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"ptanalytics dashboard\", charset=\"UTF-8\"";
    }
}
