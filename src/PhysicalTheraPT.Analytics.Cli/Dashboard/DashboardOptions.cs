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
