using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PhysicalTheraPT.Analytics.Cli.Web;

/// <summary>
/// <c>/signin</c> and <c>/signout</c>. Every attempt goes through the dashboard's <see cref="Dashboard.SignInGuard"/>:
/// the same slow hash, the same count of failures per name and address, the same lockout.
/// </summary>
internal static class SignInEndpoints
{
    public static void Map(WebApplication app, WebApp web)
    {
        app.MapGet("/signin", (HttpContext http, string? returnUrl) => Form(http, web, returnUrl, null, StatusCodes.Status200OK));
        app.MapPost("/signin", WebApp.Handler(http => SignInAsync(http, web)));
        app.MapPost("/signout", WebApp.Handler(async http =>
        {
            if (await WebApp.RefuseForgedAsync(http, web.UserOf(http)) is { } refused)
            {
                return refused;
            }

            await WebApp.SignOutAsync(http);
            return Results.Redirect("/signin");
        }));
    }

    private static async Task<IResult> SignInAsync(HttpContext http, WebApp web)
    {
        if (await WebApp.RefuseForgedAsync(http, null) is { } refused)
        {
            return refused;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var name = form["name"].ToString();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        if (web.Guard is null || !web.HasUsers)
        {
            return Form(http, web, returnUrl, null, StatusCodes.Status401Unauthorized);
        }

        var outcome = await web.Guard.SignInAsync(name, password, http.Connection.RemoteIpAddress, http.RequestAborted);
        if (outcome.RefusedUntil is { } until)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((until - DateTimeOffset.UtcNow).TotalMinutes));
            http.Response.Headers.RetryAfter = ((int)Math.Max(1, (until - DateTimeOffset.UtcNow).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Form(http, web, returnUrl,
                outcome.Busy ? "Too many sign-ins at once. Try again in a few seconds." : string.Create(CultureInfo.InvariantCulture, $"Too many failed sign-ins. Try again in {minutes} minute(s)."),
                outcome.Busy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests);
        }

        if (outcome.User is not { IsWebUser: true } user)
        {
            return Form(http, web, returnUrl, outcome.User is null
                ? "The user name or password is wrong."
                : "This login is for the jobs dashboard only (Dashboard:Users). Ask an admin for a web app user.", StatusCodes.Status401Unauthorized);
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, WebApp.PrincipalFor(user));
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    private static IResult Form(HttpContext http, WebApp web, string? returnUrl, string? problem, int status)
    {
        var body = (problem is null ? "" : Html.Problem(problem))
            + (web.HasUsers ? "" : Html.Problem("No users are configured, so nobody can sign in. Add Users:N:Name, Users:N:PasswordHash, Users:N:Role and Users:N:Clinics (docs/web.md)."))
            + "<form method=\"post\" action=\"/signin\" class=\"card\">" + Html.Antiforgery(http)
            + $"<input type=\"hidden\" name=\"returnUrl\" value=\"{Html.E(IsLocal(returnUrl) ? returnUrl : "/")}\">"
            + "<label for=\"name\">User name</label><input type=\"text\" id=\"name\" name=\"name\" autocomplete=\"username\" required autofocus>"
            + "<label for=\"password\">Password</label><input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>"
            + "<button type=\"submit\">Sign in</button></form>";
        return Html.Page(http, "Sign in", body, null, status);
    }

    /// <summary>Only a path on this site: never another host (<c>//evil.example</c>) to send a signed-in user to.</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
