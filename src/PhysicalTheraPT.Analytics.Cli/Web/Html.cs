using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using PhysicalTheraPT.Analytics.Cli.Dashboard;

namespace PhysicalTheraPT.Analytics.Cli.Web;

/// <summary>
/// The pages' HTML: one layout, readable on a phone, no script; every value goes through
/// <see cref="E"/>, so a name or note can never become markup.
/// </summary>
internal static class Html
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9;font-size:16px}
        header{background:#1f4e79;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.8rem;align-items:center}
        header a{color:#fff}header form{margin:0 0 0 auto}
        main{max-width:60rem;margin:0 auto;padding:1rem}
        h1{font-size:1.4rem;margin:.2rem 0 1rem}
        .card{background:#fff;border:1px solid #d8dde3;border-radius:.5rem;padding:.8rem;margin:0 0 .8rem}
        .card h2{font-size:1.1rem;margin:0 0 .3rem}
        .meta{color:#4a5560;font-size:.92rem;margin:.15rem 0}
        label{display:block;font-weight:600;margin:.5rem 0 .2rem}
        input,select,textarea,button{font:inherit;padding:.45rem;max-width:100%;box-sizing:border-box}
        input[type=text],input[type=password],input[type=search],select,textarea{width:100%}
        button{background:#1f4e79;color:#fff;border:0;border-radius:.3rem;padding:.5rem .9rem;margin-top:.5rem;cursor:pointer}
        .notice{background:#e7f3e8;border:1px solid #9cc79f;padding:.6rem;border-radius:.4rem;margin-bottom:1rem}
        .problem{background:#fbeaea;border:1px solid #d99;padding:.6rem;border-radius:.4rem;margin-bottom:1rem}
        table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:.35rem;border-bottom:1px solid #e3e6ea;vertical-align:top}
        .scroll{overflow-x:auto}
        @media (min-width:44rem){.row{display:grid;grid-template-columns:1fr 1fr;gap:1rem}}
        """;

    /// <summary>HTML-encodes a value for text or an attribute.</summary>
    public static string E(string? value) => WebUtility.HtmlEncode(value ?? "");

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A whole page: <paramref name="title"/> names the clinic where there is one.</summary>
    public static IResult Page(HttpContext http, string title, string body, DashboardUser? user, int status = StatusCodes.Status200OK)
    {
        var page = new StringBuilder();
        page.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · ptanalytics</title><style>").Append(Style).Append("</style></head><body><header>")
            .Append("<a href=\"/\"><strong>ptanalytics</strong></a>");
        if (user is not null)
        {
            page.Append("<a href=\"/search\">Search</a>");
            if (user.IsAdmin || user.IsManager)
            {
                page.Append("<a href=\"/reports\">Reports</a>");
            }

            if (user.IsAdmin)
            {
                page.Append("<a href=\"/audit\">Audit</a>");
            }

            page.Append("<form method=\"post\" action=\"/signout\">").Append(Antiforgery(http))
                .Append("<span>").Append(E(user.Name)).Append("</span> <button type=\"submit\">Sign out</button></form>");
        }

        page.Append("</header><main><h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        // Pages name patients: a shared desk computer's browser must not keep them, nor show them on Back after sign-out.
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The hidden antiforgery field every form carries.</summary>
    public static string Antiforgery(HttpContext http)
    {
        var tokens = http.RequestServices.GetService(typeof(IAntiforgery)) is IAntiforgery antiforgery ? antiforgery.GetAndStoreTokens(http) : null;
        return tokens is null ? "" : $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    public static string Notice(string text) => $"<p class=\"notice\" role=\"status\">{E(text)}</p>";

    public static string Problem(string text) => $"<p class=\"problem\" role=\"alert\">{E(text)}</p>";
}
