using System.Net;
using System.Net.Sockets;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_AnswersOnLoopbackWithTheDashboard_AndStopsWhenCancelled()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        var url = $"http://127.0.0.1:{FreePort()}";
        using var stop = new CancellationTokenSource();

        var serving = CliRunner.RunAsync(stop.Token, "serve", "--urls", url, "--db", test.SqlitePath!);
        var (status, page) = await GetWhenUpAsync($"{url}/hangfire/recurring", serving);
        await stop.CancelAsync();
        var (exitCode, output) = await serving;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("refresh-flags", page, StringComparison.Ordinal);
        Assert.Contains("retention-report", page, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        Assert.Contains("Stopped.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_RefusesToStart_WhenTheDashboardWouldListenBeyondLoopbackWithoutUsers()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        var port = FreePort();

        var (exitCode, output) = await CliRunner.RunAsync("serve", "--urls", $"http://0.0.0.0:{port}", "--db", test.SqlitePath!);

        Assert.Equal(2, exitCode);
        Assert.Contains("refuses to start", output, StringComparison.Ordinal);
        Assert.Contains("Dashboard:Users", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.ChangeExtension(test.SqlitePath, ".hangfire.db")), "nothing may start before the check");
    }

    [Fact]
    public async Task ServeOnce_ExitsZeroAndSaysSo_WhenThereAreNoClinics()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);

        var (exitCode, output) = await CliRunner.RunAsync("serve", "--once", "refresh-flags", "--db", test.SqlitePath!);

        Assert.Equal(0, exitCode);
        Assert.Contains("refresh-flags: the database has no clinics", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeOnce_ExitsOneAndSaysWhy_WhenTheJobFails()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await JobTestClinics.SeedAsync(test, clinicCount: 1, timeZone: "Mars/Olympus");

        var (exitCode, output) = await CliRunner.RunAsync("serve", "--once", "refresh-flags", "--db", test.SqlitePath!);

        Assert.Equal(1, exitCode);
        Assert.Contains("'Mars/Olympus'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeOnce_ExitsTwoWithTheJobList_WhenTheJobIsUnknown()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);

        var (exitCode, output) = await CliRunner.RunAsync("serve", "--once", "nightly", "--db", test.SqlitePath!);

        Assert.Equal(2, exitCode);
        Assert.Contains("refresh-flags, outreach-lists, retention-report", output, StringComparison.Ordinal);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task<(HttpStatusCode Status, string Body)> GetWhenUpAsync(string url, Task serving, HttpClient? client = null)
    {
        using var ownClient = client is null ? new HttpClient() : null;
        var http = client ?? ownClient!;
        var token = TestTimeout.Token;
        while (true)
        {
            if (serving.IsCompleted)
            {
                throw new InvalidOperationException("The server stopped before it answered.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(url), token);
                return (response.StatusCode, await response.Content.ReadAsStringAsync(token));
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, token);
            }
        }
    }
}
