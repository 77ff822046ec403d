using System.Net;
using Microsoft.AspNetCore.Http;

namespace PhysicalTheraPT.Analytics.Cli.Dashboard;

/// <summary>
/// Decides, before anything starts, whether the dashboard may listen where it was told to: loopback
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
        for (var index = 0; index < options.Users.Count; index++)
        {
            ValidateUser(options.Users[index], $"Dashboard:Users:{index}");
        }

        var exposed = NonLoopbackAddresses(urls, source);
        if (exposed.Count > 0 && options.Users.Count == 0)
        {
            throw new UserInputException(
                $"The dashboard would listen on {string.Join(", ", exposed)} (from {source}), which is reachable from other machines, and no dashboard " +
                "users are configured, so it refuses to start. Add users under Dashboard:Users (for example PTA_Dashboard__Users__0__Name, " +
                "PTA_Dashboard__Users__0__Role=admin and PTA_Dashboard__Users__0__PasswordHash from `ptanalytics serve --hash-password`), " +
                "listen on 127.0.0.1, or run with --no-dashboard.");
        }

        if (!options.Path.StartsWith('/'))
        {
            throw new UserInputException($"Dashboard:Path '{options.Path}' must start with '/', for example /hangfire.");
        }
    }

    private static void ValidateUser(DashboardUser user, string where)
    {
        if (string.IsNullOrWhiteSpace(user.Name) || user.Name.Contains(':', StringComparison.Ordinal))
        {
            throw new UserInputException($"{where}:Name is blank or contains ':'. Give every dashboard user a name without ':'.");
        }

        if (!string.Equals(user.Role, DashboardUser.AdminRole, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(user.Role, DashboardUser.ViewerRole, StringComparison.OrdinalIgnoreCase))
        {
            throw new UserInputException($"{where}:Role '{user.Role}' is not a role. Use admin (may trigger and delete jobs) or viewer.");
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
