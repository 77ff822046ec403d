using System.Net.Http.Headers;
using System.Text;
using Hangfire.Dashboard;

namespace PhysicalTheraPT.Analytics.Cli.Dashboard;

/// <summary>
/// HTTP basic authentication against the configured dashboard users. Whoever is not an admin sees the
/// dashboard read-only: no trigger, requeue or delete. Basic authentication sends the password with
/// every request, so a dashboard reached over a network belongs behind HTTPS (a reverse proxy).
/// </summary>
internal sealed class DashboardBasicAuthentication : IDashboardAuthorizationFilter
{
    private const string UserItem = "ptanalytics.dashboard-user";

    private readonly IReadOnlyList<DashboardUser> _users;

    public DashboardBasicAuthentication(IReadOnlyList<DashboardUser> users)
    {
        _users = users;
    }

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var user = Authenticate(http.Request.Headers.Authorization.ToString());
        if (user is null)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"ptanalytics dashboard\", charset=\"UTF-8\"";
            return false;
        }

        http.Items[UserItem] = user;
        return true;
    }

    /// <summary>For <c>IsReadOnlyFunc</c>: read-only unless the signed-in user is an admin.</summary>
    public static bool IsReadOnly(DashboardContext context) =>
        context.GetHttpContext().Items[UserItem] is not DashboardUser { IsAdmin: true };

    /// <summary>The user an <c>Authorization</c> header proves to be, or null.</summary>
    public DashboardUser? Authenticate(string? authorizationHeader)
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
        if (separator < 0)
        {
            return null;
        }

        var name = credentials[..separator];
        var password = credentials[(separator + 1)..];
        var user = _users.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.Ordinal));
        if (user is null)
        {
            return null;
        }

        var valid = string.IsNullOrEmpty(user.PasswordHash)
            ? DashboardPassword.PlainEquals(password, user.Password ?? "")
            : DashboardPassword.Verify(password, user.PasswordHash);
        return valid ? user : null;
    }
}
