namespace PhysicalTheraPT.Analytics.Cli.Dashboard;

/// <summary>
/// Who may open the Hangfire dashboard of <c>serve</c> (section <c>Dashboard</c>). On 127.0.0.1 with no
/// users, local requests get in as admins; on any other address the dashboard requires users here, and
/// <c>serve</c> refuses to start without them. Users are best set from the environment, for example
/// <c>PTA_Dashboard__Users__0__Name=ops</c>, <c>PTA_Dashboard__Users__0__Role=admin</c>,
/// <c>PTA_Dashboard__Users__0__PasswordHash=...</c> (from <c>ptanalytics serve --hash-password</c>).
/// </summary>
internal sealed class DashboardOptions
{
    /// <summary>Where the dashboard is served (default <c>/hangfire</c>); the site root redirects there.</summary>
    public string Path { get; set; } = "/hangfire";

    public List<DashboardUser> Users { get; set; } = [];
}

/// <summary>
/// A dashboard login (HTTP basic authentication). <see cref="Role"/> <c>admin</c> may trigger, requeue and
/// delete jobs; <c>viewer</c> (the default) only looks. Give <see cref="PasswordHash"/> (preferred) or
/// <see cref="Password"/>, not both.
/// </summary>
internal sealed class DashboardUser
{
    public const string AdminRole = "admin";
    public const string ViewerRole = "viewer";

    public string Name { get; set; } = "";

    public string Role { get; set; } = ViewerRole;

    /// <summary>Plain text, for a password kept in a secret store and passed in through the environment.</summary>
    public string? Password { get; set; }

    /// <summary><c>pbkdf2-sha256$iterations$salt$hash</c>, as <c>ptanalytics serve --hash-password</c> prints it.</summary>
    public string? PasswordHash { get; set; }

    public bool IsAdmin => string.Equals(Role, AdminRole, StringComparison.OrdinalIgnoreCase);
}
