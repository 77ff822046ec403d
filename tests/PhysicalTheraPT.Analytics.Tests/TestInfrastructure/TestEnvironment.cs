namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

internal static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
