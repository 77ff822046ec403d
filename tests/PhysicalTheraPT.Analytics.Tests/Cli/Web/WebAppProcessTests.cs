using System.Net;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.Cli.Commands;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Web;

/// <summary><c>ptanalytics serve</c>'s web app as the operating system runs it, with users from the environment.</summary>
public sealed class WebAppProcessTests
{
    [Fact]
    public async Task Forbidden_IsLoggedWithTheClinicAndUser_ButNoPatientData()
    {
        // Arrange
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await WebAppServer.SeedAsync(test.Database);
        var url = $"http://127.0.0.1:{ServeCommandTests.FreePort()}";
        using var serve = CliProcess.Start(["serve", "--db", test.SqlitePath!, "--urls", url], new Dictionary<string, string>
        {
            ["PTA_Users__0__Name"] = "frank",
            ["PTA_Users__0__Password"] = "frank-pw",
            ["PTA_Users__0__Role"] = "front_desk",
            ["PTA_Users__0__Clinics"] = "C01",
        });
        await serve.WaitForOutputAsync("Running.", TestTimeout.Token);
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        await WebPage.SignInAsync(client, "frank", "frank-pw");

        // Act
        var page = await WebPage.GetAsync(client, "/clinics/C02/patients/Q1");
        serve.Terminate();
        await serve.WaitForExitAsync(TestTimeout.Token);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains($"Web app: {url}/", serve.Output, StringComparison.Ordinal);
        Assert.Contains("frank (front_desk) was refused the patient page of clinic C02", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Q1", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Quinn", serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_RefusesToStart_WhenAUsersClinicIsNotInTheDatabase()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await WebAppServer.SeedAsync(test.Database);
        using var serve = CliProcess.Start(["serve", "--db", test.SqlitePath!, "--urls", $"http://127.0.0.1:{ServeCommandTests.FreePort()}"], new Dictionary<string, string>
        {
            ["PTA_Users__0__Name"] = "frank",
            ["PTA_Users__0__Password"] = "frank-pw",
            ["PTA_Users__0__Role"] = "front_desk",
            ["PTA_Users__0__Clinics"] = "C1",
        });

        var exitCode = await serve.WaitForExitAsync(TestTimeout.Token);

        Assert.Equal(2, exitCode);
        Assert.Contains("clinic C1 is not in the database (it has C01, C02)", serve.Output, StringComparison.Ordinal);
    }
}
