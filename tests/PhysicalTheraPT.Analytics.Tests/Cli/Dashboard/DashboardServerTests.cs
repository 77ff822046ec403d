using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using PhysicalTheraPT.Analytics.Cli.Dashboard;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Scheduling;
using PhysicalTheraPT.Analytics.Tests.Cli.Commands;
using PhysicalTheraPT.Analytics.Tests.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Dashboard;

/// <summary>The dashboard with configured users: basic authentication, admins act, viewers only look.</summary>
public sealed class DashboardServerTests
{
    private static readonly DashboardOptions Options = new()
    {
        Users =
        [
            new DashboardUser { Name = "ops", Role = "admin", PasswordHash = DashboardPassword.Hash("admin-pw") },
            new DashboardUser { Name = "manager", Role = "viewer", Password = "viewer-pw" },
        ],
    };

    [Fact]
    public async Task Dashboard_AsksForCredentials_WhenNoneAreGiven()
    {
        await using var dashboard = await StartAsync();

        using var response = await dashboard.Client.GetAsync(dashboard.Url("/hangfire"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Dashboard_RefusesAWrongPassword()
    {
        await using var dashboard = await StartAsync();

        using var response = await dashboard.GetAsync("/hangfire", "ops", "viewer-pw");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_OffersTriggerToAdminsOnly()
    {
        await using var dashboard = await StartAsync();

        using var asAdmin = await dashboard.GetAsync("/hangfire/recurring", "ops", "admin-pw");
        using var asViewer = await dashboard.GetAsync("/hangfire/recurring", "manager", "viewer-pw");

        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asViewer.StatusCode);
        Assert.Contains("recurring/trigger", await asAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("recurring/trigger", await asViewer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_TriggersForAnAdmin_AndRefusesAViewer_EvenWithAValidFormToken()
    {
        await using var dashboard = await StartAsync();

        using var asAdmin = await dashboard.TriggerAsync("ops", "admin-pw", withFormToken: true);
        using var asViewer = await dashboard.TriggerAsync("manager", "viewer-pw", withFormToken: true);

        Assert.True(asAdmin.IsSuccessStatusCode, $"an admin's trigger answered {asAdmin.StatusCode}");
        Assert.False(asViewer.IsSuccessStatusCode, $"a viewer's trigger answered {asViewer.StatusCode}");
    }

    [Fact]
    public async Task Dashboard_RefusesAnAdminsTrigger_WithoutTheFormToken()
    {
        await using var dashboard = await StartAsync();

        // What a page on another site could make a signed-in admin's browser send.
        using var response = await dashboard.TriggerAsync("ops", "admin-pw", withFormToken: false);

        Assert.False(response.IsSuccessStatusCode, $"a trigger without the form token answered {response.StatusCode}");
    }

    [Fact]
    public async Task Dashboard_Answers429_ToTheRightPasswordAfterFiveWrongOnes()
    {
        // Arrange
        await using var dashboard = await StartAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await dashboard.GetAsync("/hangfire", "manager", $"guess {attempt}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        // Act
        using var right = await dashboard.GetAsync("/hangfire", "manager", "viewer-pw");
        using var otherUser = await dashboard.GetAsync("/hangfire", "ops", "admin-pw");

        // Assert: the name is locked, and so is the address every guess came from.
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.NotNull(right.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, otherUser.StatusCode);
    }

    [Fact]
    public async Task Dashboard_SendsSecurityHeaders_AndItsPagesUseNoInlineScript()
    {
        // Arrange
        await using var dashboard = await StartAsync();

        // Act
        using var page = await dashboard.GetAsync("/hangfire/recurring", "ops", "admin-pw");
        using var refused = await dashboard.Client.GetAsync(dashboard.Url("/hangfire"));
        var html = await page.Content.ReadAsStringAsync();

        // Assert: the policy allows only the dashboard's own scripts, and the page needs no other.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        foreach (var response in new[] { page, refused })
        {
            Assert.Contains("script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }

        var scripts = Regex.Matches(html, "<script[^>]*>").Select(match => match.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Contains("src=\"/hangfire/", script, StringComparison.Ordinal));
        Assert.Contains("refresh-flags", html, StringComparison.Ordinal);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static async Task<RunningDashboard> StartAsync()
    {
        var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        var output = new TemporaryFolder();
        var services = JobTestServices.Build(test, output.Path);
        var scheduling = await SchedulingHost.OpenAsync(services, pollInterval: null, CancellationToken.None);
        scheduling.RegisterRecurringJobs();
        var logging = HangfireLogging.RouteTo(NullLoggerFactory.Instance);
        var url = $"http://127.0.0.1:{ServeCommandTests.FreePort()}";
        var app = await DashboardServer.StartAsync(scheduling, url, Options, logging, new ConfigurationBuilder().Build(), CancellationToken.None);
        return new RunningDashboard(url, app, scheduling, logging, services, test, output);
    }

    private sealed class RunningDashboard(
        string baseUrl,
        Microsoft.AspNetCore.Builder.WebApplication app,
        SchedulingHost scheduling,
        HangfireLogging logging,
        Microsoft.Extensions.DependencyInjection.ServiceProvider services,
        TestDatabase test,
        TemporaryFolder output) : IAsyncDisposable
    {
        public HttpClient Client { get; } = new();

        public Uri Url(string path) => new(baseUrl + path);

        public async Task<HttpResponseMessage> GetAsync(string path, string user, string password)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Url(path));
            request.Headers.Authorization = Basic(user, password);
            return await Client.SendAsync(request);
        }

        /// <summary>Presses "Trigger now" for refresh-flags, as the dashboard page's script does.</summary>
        public async Task<HttpResponseMessage> TriggerAsync(string user, string password, bool withFormToken)
        {
            using var page = await GetAsync("/hangfire/recurring", user, password);
            var html = await page.Content.ReadAsStringAsync();
            var token = Regex.Match(html, "<meta name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value;
            using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("jobs[]", "refresh-flags")]);
            using var request = new HttpRequestMessage(HttpMethod.Post, Url("/hangfire/recurring/trigger")) { Content = content };
            request.Headers.Authorization = Basic(user, password);
            if (withFormToken)
            {
                request.Headers.Add("RequestVerificationToken", token);
            }

            return await Client.SendAsync(request);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
            logging.Dispose();
            await scheduling.DisposeAsync();
            await services.DisposeAsync();
            await test.DisposeAsync();
            output.Dispose();
        }
    }
}
