namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// A test that needs the MariaDB server. Skipped, with the reason, when there is none, except under
/// <c>CI=true</c>, where a missing server must fail the run instead of quietly passing it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MariaDbFactAttribute : FactAttribute
{
    public MariaDbFactAttribute()
    {
        if (MariaDbServer.WhyUnavailable is { } reason && !TestEnvironment.IsCi)
        {
            Skip = reason;
        }
    }
}
