using System.Net;
using Microsoft.AspNetCore.Http;

namespace PhysicalTheraPT.Analytics.Cli.Dashboard;

/// <summary>
/// Decides, before anything starts, whether the web app and dashboard may listen where it was told to: loopback
/// addresses are open to local requests; any other address needs configured users, or <c>serve</c>
/// refuses to start. Also checks the users themselves, so a typo fails at start, not at the first login.
/// </summary>
internal static class DashboardAccess
{
    /// <summary>The addresses of <paramref name="urls"/> (separated by <c>;</c>) that are not loopback.</summary>
    public static IReadOnlyList<string> NonLoopbackAddresses(string urls, string source = "--urls")
    {
        var nonLoopback = new List<string>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException exception)
            {
                throw new UserInputException($"{source}: '{url}' is not an address to listen on. Use a URL such as http://127.0.0.1:5080.", exception);
            }

            if (!IsLoopback(address.Host))
            {
                nonLoopback.Add(url);
            }
        }

        return nonLoopback;
    }

    /// <summary>Throws, saying what to do, when the configuration does not allow listening on <paramref name="urls"/>.</summary>
    /// <param name="source">Where <paramref name="urls"/> came from, for the message.</param>
    public static void Validate(string urls, DashboardOptions options, string source = "--urls")
    {
        for (var index = 0; index < options.AppUsers.Count; index++)
        {
            ValidateUser(options.AppUsers[index], options.AppUsers[index].IsDemo ? "the demo's sign-in" : $"Users:{index}");
        }

        for (var index = 0; index < options.Users.Count; index++)
        {
            ValidateUser(options.Users[index], $"Dashboard:Users:{index}");
            if (!options.Users[index].IsAdmin && !string.Equals(options.Users[index].Role, DashboardUser.ViewerRole, StringComparison.OrdinalIgnoreCase))
            {
                throw new UserInputException($"Dashboard:Users:{index}:Role '{options.Users[index].Role}' is not a role. Use admin (may trigger and delete jobs) or viewer.");
            }
        }

        if (options.AllUsers.GroupBy(user => user.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } twice)
        {
            throw new UserInputException($"The user name '{twice.Key}' is given twice (Users and Dashboard:Users together hold one list of names). Give each user one entry.");
        }

        var exposed = NonLoopbackAddresses(urls, source);
        if (exposed.Count > 0 && options.AllUsers.Any(user => user.IsDemo))
        {
            throw new UserInputException(
                $"The demo's sign-in works on loopback only, and the server would listen on {string.Join(", ", exposed)} (from {source}). Listen on 127.0.0.1, or configure Users for a real installation.");
        }

        if (exposed.Count > 0 && options.AllUsers.Count == 0)
        {
            throw new UserInputException(
                $"The web app and dashboard would listen on {string.Join(", ", exposed)} (from {source}), which is reachable from other machines, and no users are configured, " +
                "so it refuses to start. Add users under Users (for example PTA_Users__0__Name=ops, PTA_Users__0__Role=admin and " +
                "PTA_Users__0__PasswordHash from `ptanalytics serve --hash-password`; docs/web.md) or Dashboard:Users, " +
                "listen on 127.0.0.1, or run with --no-dashboard.");
        }

        if (!options.Path.StartsWith('/') || options.Path == "/")
        {
            throw new UserInputException($"Dashboard:Path '{options.Path}' must start with '/' and name a path of its own, for example /hangfire (the web app is at the root).");
        }
    }

    private static void ValidateUser(DashboardUser user, string where)
    {
        if (string.IsNullOrWhiteSpace(user.Name) || user.Name.Contains(':', StringComparison.Ordinal))
        {
            throw new UserInputException($"{where}:Name is blank or contains ':'. Give every user a name without ':'.");
        }

        var hasPassword = !string.IsNullOrEmpty(user.Password);
        var hasHash = !string.IsNullOrEmpty(user.PasswordHash);
        if (hasPassword == hasHash)
        {
            throw new UserInputException($"{where} ({user.Name}) needs exactly one of Password or PasswordHash.");
        }

        if (hasHash && !DashboardPassword.IsWellFormed(user.PasswordHash!))
        {
            throw new UserInputException($"{where}:PasswordHash of {user.Name} is not a hash from `ptanalytics serve --hash-password` (pbkdf2-sha256$...).");
        }
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
