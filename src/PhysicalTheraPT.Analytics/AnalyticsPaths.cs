namespace PhysicalTheraPT.Analytics;

/// <summary>
/// Where the service keeps its embedded database and default output: <c>PTA_HOME</c> when set, else the
/// user's local application data folder (<c>~/.local/share/ptanalytics</c> on Linux).
/// </summary>
internal static class AnalyticsPaths
{
    public static string DataDirectory
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("PTA_HOME");
            if (!string.IsNullOrWhiteSpace(home))
            {
                return Path.GetFullPath(home);
            }

            var localData = Environment.GetFolderPath(
                Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
            return Path.Combine(localData, "ptanalytics");
        }
    }

    public static string DefaultDatabasePath => Path.Combine(DataDirectory, "ptanalytics.db");

    public static string DefaultReportsDirectory => Path.Combine(DataDirectory, "reports");
}
