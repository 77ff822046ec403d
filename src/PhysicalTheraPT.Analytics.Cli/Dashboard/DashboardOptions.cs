namespace PhysicalTheraPT.Analytics.Cli.Dashboard;

/// <summary>
/// Who may open the Hangfire dashboard of <c>serve</c> (section <c>Dashboard</c>). On 127.0.0.1 with no
/// users, local requests get in as admins; on any other address the dashboard requires users, and
/// <c>serve</c> refuses to start without them. The users of the web app (section <c>Users</c>, see
/// <see cref="AppUsers"/>) sign in to the dashboard too: admins as dashboard admins, managers as viewers.
/// <c>Dashboard:Users</c> still works for logins that only see the dashboard, for example
/// <c>PTA_Dashboard__Users__0__Name=ops</c>, <c>PTA_Dashboard__Users__0__Role=admin</c>,
/// <c>PTA_Dashboard__Users__0__PasswordHash=...</c> (from <c>ptanalytics serve --hash-password</c>).
/// </summary>
internal sealed class DashboardOptions
{
    /// <summary>Where the dashboard is served (default <c>/hangfire</c>).</summary>
    public string Path { get; set; } = "/hangfire";

    public List<DashboardUser> Users { get; set; } = [];

    /// <summary>The users of section <c>Users</c> (web app and dashboard), read by <see cref="AppUsers.Read"/>; not bound from <c>Dashboard</c>.</summary>
    internal List<DashboardUser> AppUsers { get; set; } = [];

    /// <summary>Every login: the web app's users, then the dashboard-only ones.</summary>
    internal IReadOnlyList<DashboardUser> AllUsers => [.. AppUsers, .. Users];
}

/// <summary>
/// A login. In <c>Dashboard:Users</c> (the dashboard only), <see cref="Role"/> <c>admin</c> may trigger,
/// requeue and delete jobs and <c>viewer</c> (the default) only looks. In <c>Users</c> (the web app and the
/// dashboard), <c>front_desk</c> works its clinics' lists and has no dashboard, <c>manager</c> also
/// downloads its clinics' reports and views the dashboard, <c>admin</c> sees every clinic, the audit and
/// the dashboard as admin. Give <see cref="PasswordHash"/> (preferred) or <see cref="Password"/>, not both.
/// </summary>
internal sealed class DashboardUser
{
    public const string AdminRole = "admin";
    public const string ViewerRole = "viewer";
    public const string ManagerRole = "manager";
    public const string FrontDeskRole = "front_desk";

    public string Name { get; set; } = "";

    public string Role { get; set; } = ViewerRole;

    /// <summary>Plain text, for a password kept in a secret store and passed in through the environment.</summary>
    public string? Password { get; set; }

    /// <summary><c>pbkdf2-sha256$iterations$salt$hash</c>, as <c>ptanalytics serve --hash-password</c> prints it.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>The clinics a web user works for (an admin sees every clinic); empty for a dashboard-only login.</summary>
    internal IReadOnlyList<string> Clinics { get; init; } = [];

    /// <summary>The initials recorded with the outcomes this user saves on the web.</summary>
    internal string Initials { get; init; } = "";

    /// <summary>A user of section <c>Users</c>: may sign in to the web app.</summary>
    internal bool IsWebUser { get; init; }

    /// <summary>The demo's sign-in, kept in the demo database and accepted on loopback only.</summary>
    internal bool IsDemo { get; init; }

    public bool IsAdmin => string.Equals(Role, AdminRole, StringComparison.OrdinalIgnoreCase);

    public bool IsManager => string.Equals(Role, ManagerRole, StringComparison.OrdinalIgnoreCase);

    /// <summary>Admins, managers and dashboard viewers see the dashboard; front desk does not.</summary>
    public bool SeesDashboard => IsAdmin || IsManager || string.Equals(Role, ViewerRole, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the user may see the clinic's pages, lists, patients and files.</summary>
    public bool MaySee(string clinicId) => IsWebUser && (IsAdmin || Clinics.Contains(clinicId, StringComparer.Ordinal));
}
