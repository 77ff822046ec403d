using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

/// <summary>The loopback rule holds for every address the dashboard binds, whatever set it.</summary>
public sealed class ServeListenAddressTests
{
    [Fact]
    public async Task Serve_RefusesToStart_WhenKestrelsOwnSettingBindsEveryAddressWithoutUsers()
    {
        // Arrange
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        var port = ServeCommandTests.FreePort();
        using var serve = CliProcess.Start(
            ["serve", "--db", test.SqlitePath!],
            new Dictionary<string, string> { ["Kestrel__Endpoints__Http__Url"] = $"http://0.0.0.0:{port}" });

        // Act
        var exitCode = await serve.WaitForExitAsync(TestTimeout.Token);

        // Assert
        Assert.Equal(2, exitCode);
        Assert.Contains($"would listen on http://0.0.0.0:{port} (from Kestrel:Endpoints", serve.Output, StringComparison.Ordinal);
        Assert.Contains("refuses to start", serve.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.ChangeExtension(test.SqlitePath, ".hangfire.db")), "nothing may start before the check");
    }

    [Fact]
    public async Task Serve_PrintsTheAddressReallyBound_WhenKestrelsOwnSettingReplacesUrls()
    {
        // Arrange
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        var port = ServeCommandTests.FreePort();
        using var serve = CliProcess.Start(
            ["serve", "--db", test.SqlitePath!],
            new Dictionary<string, string>
            {
                ["Kestrel__Endpoints__Http__Url"] = $"http://0.0.0.0:{port}",
                ["PTA_Dashboard__Users__0__Name"] = "ops",
                ["PTA_Dashboard__Users__0__Role"] = "admin",
                ["PTA_Dashboard__Users__0__Password"] = "a long test password",
            });

        // Act
        await serve.WaitForOutputAsync("Running.", TestTimeout.Token);
        serve.Terminate();
        var exitCode = await serve.WaitForExitAsync(TestTimeout.Token);

        // Assert
        Assert.Equal(0, exitCode);
        Assert.Contains($"Dashboard: http://0.0.0.0:{port}/hangfire", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Dashboard: http://127.0.0.1", serve.Output, StringComparison.Ordinal);
    }
}
