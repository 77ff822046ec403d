namespace PhysicalTheraPT.Analytics.Cli.Dashboard;

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
