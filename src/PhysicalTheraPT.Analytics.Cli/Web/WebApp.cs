using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhysicalTheraPT.Analytics.Cli.Dashboard;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Cli.Web;

/// <summary>
/// The front desk's web app at the root of <c>serve</c>'s address: cookie sessions over the same users and
/// <see cref="SignInGuard"/> as the dashboard, antiforgery on every form, and each clinic's pages only for
/// the users of that clinic (403, logged without patient data, for anyone else). docs/web.md.
/// </summary>
internal sealed class WebApp
{
    public const string SessionCookie = "ptanalytics.session";

    private readonly Dictionary<string, DashboardUser> _users;
    private readonly ILogger _logger;

    public WebApp(IEnumerable<DashboardUser> users, SignInGuard? guard, WebOptions options, IServiceProvider analytics, ILogger logger)
    {
        _users = users.Where(user => user.IsWebUser).ToDictionary(user => user.Name, StringComparer.Ordinal);
        Guard = guard;
        Options = options;
        Analytics = analytics;
        _logger = logger;
    }

    public SignInGuard? Guard { get; }

    public WebOptions Options { get; }

    /// <summary>The command's services: the store, the readers, the recorder.</summary>
    public IServiceProvider Analytics { get; }

    /// <summary>Whether anybody can sign in to the web app.</summary>
    public bool HasUsers => _users.Count > 0;

    /// <summary>Cookie sessions: HttpOnly, SameSite=Strict, Secure whenever the request came over HTTPS, sliding expiry.</summary>
    public static void AddServices(IServiceCollection services, WebOptions options)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = SessionCookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = options.SessionIdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/signin";
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "ptanalytics.form";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
    }

    /// <summary>The middleware in front of every request: the scheme a local reverse proxy says it received, then the session.</summary>
    public static void UseSessions(WebApplication app)
    {
        // Only a proxy on this machine is believed (the default known proxies are loopback), so a client
        // cannot claim HTTPS or another address for itself.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseAuthentication();
    }

    public void Map(WebApplication app)
    {
        SignInEndpoints.Map(app, this);
        ClinicPages.Map(app, this);
        ReportPages.Map(app, this);
        HealthEndpoint.Map(app, this);
    }

    /// <summary>The signed-in user of the request, if their session names a user that still exists.</summary>
    public DashboardUser? UserOf(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { } name } && _users.TryGetValue(name, out var user) ? user : null;

    /// <summary>A handler that takes only the request, as a route handler (so its result is written, not dropped).</summary>
    public static Delegate Handler(Func<HttpContext, Task<IResult>> handler) => handler;

    public static ClaimsPrincipal PrincipalFor(DashboardUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Name)], CookieAuthenticationDefaults.AuthenticationScheme));

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

    /// <summary>A page for signed-in users: runs <paramref name="page"/>, or sends the browser to sign in first.</summary>
    public async Task<IResult> SignedInAsync(HttpContext http, Func<DashboardUser, Task<IResult>> page)
    {
        if (UserOf(http) is not { } user)
        {
            var back = http.Request.Path + http.Request.QueryString;
            return Results.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(back));
        }

        return await page(user);
    }

    /// <summary>
    /// A page of one clinic: runs <paramref name="page"/> when the user may see the clinic, else answers 403
    /// and logs who asked for which clinic's <paramref name="what"/> (never a patient id or name).
    /// </summary>
    public Task<IResult> ClinicAsync(HttpContext http, string clinicId, string what, Func<DashboardUser, ClinicRow, Task<IResult>> page) =>
        SignedInAsync(http, async user =>
        {
            var clinics = await ClinicDirectory.LoadAsync(Get<AnalyticsDatabase>(), http.RequestAborted);
            var clinic = clinics.Clinics.FirstOrDefault(candidate => candidate.ClinicId == clinicId);
            if (!user.MaySee(clinicId) || clinic is null)
            {
                if (!user.IsAdmin)
                {
                    return Forbidden(http, user, clinicId, what);
                }

                return Html.Page(http, "No such clinic", Html.Problem("There is no clinic with that id."), user, StatusCodes.Status404NotFound);
            }

            return await page(user, clinic);
        });

    public IResult Forbidden(HttpContext http, DashboardUser user, string clinicId, string what)
    {
        _logger.LogWarning("Web: {User} ({Role}) was refused the {What} of clinic {ClinicId} from {Address}.",
            user.Name, user.Role, what, Shown(clinicId), http.Connection.RemoteIpAddress);
        return Html.Page(http, "Not your clinic", Html.Problem("This page belongs to a clinic you do not work for. Ask an admin if you need it."), user, StatusCodes.Status403Forbidden);
    }

    /// <summary>Checks the form's antiforgery token; false (and a 400 page to send) when it is missing or wrong.</summary>
    public static async Task<IResult?> RefuseForgedAsync(HttpContext http, DashboardUser? user)
    {
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (await antiforgery.IsRequestValidAsync(http))
        {
            return null;
        }

        return Html.Page(http, "Form expired", Html.Problem("This form has expired or did not come from this site. Go back, reload the page and try again."), user, StatusCodes.Status400BadRequest);
    }

    public T Get<T>()
        where T : notnull => Analytics.GetRequiredService<T>();

    // A clinic id in a URL is typed by whoever sent it: logged short, as the sign-in guard logs names.
    private static string Shown(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
