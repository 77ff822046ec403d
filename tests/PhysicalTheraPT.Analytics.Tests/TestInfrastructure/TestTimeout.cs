namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// A safety net, not an assertion: a test that waits for background work gives up after this long
/// instead of hanging the run. Generous, so a slow machine never fails a correct test.
/// </summary>
internal static class TestTimeout
{
    public static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;
}
