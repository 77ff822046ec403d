namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// A test that drives Debian's Chromium (<c>/usr/bin/chromium</c>, which <c>.ci/run</c> installs).
/// Skipped, with the reason, when it is missing, except under <c>CI=true</c>, where a missing browser
/// must fail the run instead of quietly passing it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) && !TestEnvironment.IsCi)
        {
            Skip = $"{Chromium} is missing: install Debian's chromium (apt-get install chromium) to run the browser tests.";
        }
    }
}
