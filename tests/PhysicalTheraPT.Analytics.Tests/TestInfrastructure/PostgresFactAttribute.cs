namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// A test that needs the PostgreSQL server. Skipped, with the reason, when there is none, except under
/// <c>CI=true</c>, where a missing server must fail the run instead of quietly passing it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.WhyUnavailable is { } reason && !TestEnvironment.IsCi)
        {
            Skip = reason;
        }
    }
}
