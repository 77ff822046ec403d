using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

/// <summary><c>ptanalytics serve</c> as the operating system runs it.</summary>
public sealed class ServeProcessTests
{
    [Fact]
    public async Task Serve_StopsGracefullyAndExitsZero_OnSigterm()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var serve = CliProcess.Start(["serve", "--no-dashboard", "--db", test.SqlitePath!]);
        await serve.WaitForOutputAsync("Running.", TestTimeout.Token);

        serve.Terminate();
        var exitCode = await serve.WaitForExitAsync(TestTimeout.Token);

        Assert.Equal(0, exitCode);
        Assert.Contains("Stopped.", serve.Output, StringComparison.Ordinal);
    }
}
