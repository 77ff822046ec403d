namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>The theory form of <see cref="PostgresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresServer.WhyUnavailable is { } reason && !TestEnvironment.IsCi)
        {
            Skip = reason;
        }
    }
}
