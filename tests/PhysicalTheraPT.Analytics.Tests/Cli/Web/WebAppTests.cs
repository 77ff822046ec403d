using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Web;

/// <summary>
/// The web app over HTTP (a real Kestrel on loopback, pages read with AngleSharp): what the browser tests
/// show, checked at the level of requests where a browser would hide it (statuses, cookies, a form sent
/// twice, a form without its token).
/// </summary>
public sealed class WebAppTests
{
    [Fact]
    public async Task ClinicList_SendsToSignIn_WhenNotSignedIn()
    {
        await using var server = await WebAppServer.StartAsync();
        using var client = server.Client();

        var page = await WebPage.GetAsync(client, "/clinics/C01/list");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/signin?returnUrl=", page.Response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_SetsAnHttpOnlyStrictSessionCookie_SecureOnlyBehindHttps()
    {
        // Arrange: a reverse proxy on this machine says the browser came over HTTPS. A cookie jar would not
        // send a Secure cookie back over this test's plain HTTP, so the form's cookie is passed by hand.
        await using var server = await WebAppServer.StartAsync();
        using var client = server.Client();
        using var proxied = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(server.Url) };
        proxied.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var signInPage = await WebPage.GetAsync(proxied, "/signin");
        var form = signInPage.FormOf("Sign in");
        form["name"] = "frank";
        form["password"] = "frank-pw";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/signin", UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Cookie", signInPage.Response.Headers.GetValues("Set-Cookie").Select(cookie => cookie.Split(';')[0]));

        // Act
        var plain = await WebPage.SignInAsync(client, "frank", "frank-pw");
        using var overHttps = await proxied.SendAsync(request);

        // Assert
        var cookie = SessionCookie(plain.Response);
        var httpsCookie = SessionCookie(overHttps);
        Assert.Equal(HttpStatusCode.Redirect, plain.Status);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", httpsCookie, StringComparison.OrdinalIgnoreCase);
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith("ptanalytics.session=", StringComparison.Ordinal));

    [Fact]
    public async Task ClinicList_ShowsTheClinicsLatestWorkedListsFromTheInbox_AndNoOtherClinics()
    {
        // Arrange: the outreach-inbox job took back one list of this clinic and refused one of another.
        await using var server = await WebAppServer.StartAsync();
        var history = server.Services.GetRequiredService<InboxHistory>();
        await history.RecordAsync(new InboxEntry { ClinicId = "C01", FileName = "outreach-C01-2026-11-30.xlsx", HandledAt = DateTime.UtcNow, Recorded = 12, Summary = "12 outcome(s) recorded" }, default);
        await history.RecordAsync(new InboxEntry { ClinicId = "C02", FileName = "outreach-C02-2026-11-30.xlsx", Status = InboxEntry.Rejected, HandledAt = DateTime.UtcNow, Summary = "row 4: the row key was edited" }, default);
        using var client = server.Client();
        await WebPage.SignInAsync(client, "frank", "frank-pw");

        // Act
        var list = await WebPage.GetAsync(client, "/clinics/C01/list");

        // Assert
        Assert.Contains("imported outreach-C01-2026-11-30.xlsx", list.Text, StringComparison.Ordinal);
        Assert.Contains("12 outcome(s) recorded", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("outreach-C02", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveOutcome_RecordsOnce_WhenTheSameFormIsSentTwice()
    {
        // Arrange
        await using var server = await WebAppServer.StartAsync();
        using var client = server.Client();
        await WebPage.SignInAsync(client, "frank", "frank-pw");
        var form = (await WebPage.GetAsync(client, "/clinics/C01/list")).FormOf("Save outcome for Ava Archer");
        form["outcome"] = "left_message";

        // Act: a double click sends the same form, token and all, twice.
        var first = await WebPage.PostAsync(client, "/clinics/C01/list", form);
        var second = await WebPage.PostAsync(client, "/clinics/C01/list", form);
        var list = await WebPage.GetAsync(client, second.Response.Headers.Location!.OriginalString);

        // Assert
        Assert.Equal(1, await server.OutcomesOfAsync("P1"));
        Assert.EndsWith("result=Recorded", first.Response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("already sent", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveOutcome_IsRefused_WithoutTheAntiforgeryToken()
    {
        await using var server = await WebAppServer.StartAsync();
        using var client = server.Client();
        await WebPage.SignInAsync(client, "frank", "frank-pw");
        var form = (await WebPage.GetAsync(client, "/clinics/C01/list")).FormOf("Save outcome for Ava Archer");
        form.Remove("__RequestVerificationToken");
        form["outcome"] = "booked";

        var page = await WebPage.PostAsync(client, "/clinics/C01/list", form);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(0, await server.OutcomesOfAsync("P1"));
    }

    [Fact]
    public async Task SaveOutcome_AuditsWhoAndWhatChanged_AndTheAuditIsForAdminsOnly()
    {
        // Arrange
        await using var server = await WebAppServer.StartAsync();
        using var frank = server.Client();
        using var ana = server.Client();
        using var mia = server.Client();
        await WebPage.SignInAsync(frank, "frank", "frank-pw");
        await WebPage.SignInAsync(ana, "ana", "ana-pw");
        await WebPage.SignInAsync(mia, "mia", "mia-pw");
        var form = (await WebPage.GetAsync(frank, "/clinics/C01/list")).FormOf("Save outcome for Cleo Carter");
        form["outcome"] = "do_not_contact";

        // Act
        await WebPage.PostAsync(frank, "/clinics/C01/list", form);
        var audit = await WebPage.GetAsync(ana, "/audit");
        var refused = await WebPage.GetAsync(mia, "/audit");

        // Assert: the same store and rules as a worked list (do-not-contact for good), and the audit says who.
        await using var connection = await server.Test.Database.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outreach_do_not_contact WHERE patient_id = 'P3'"));
        Assert.Equal("F", await connection.ExecuteScalarAsync<string>("SELECT staff_initials FROM outreach_outcomes WHERE patient_id = 'P3'"));
        Assert.Equal(HttpStatusCode.OK, audit.Status);
        Assert.Contains("frank", audit.Text, StringComparison.Ordinal);
        Assert.Contains("item closed (do_not_contact)", audit.Text, StringComparison.Ordinal);
        Assert.True(audit.Response.Headers.CacheControl?.NoStore, "a page with patient data may be cached");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
    }

    [PostgresFact]
    public async Task SaveOutcome_ShowsInRecentCallsSearchAndAudit_OnPostgres()
    {
        // Arrange
        await using var server = await WebAppServer.StartAsync(provider: DatabaseProvider.Postgres);
        using var frank = server.Client();
        using var ana = server.Client();
        await WebPage.SignInAsync(frank, "frank", "frank-pw");
        await WebPage.SignInAsync(ana, "ana", "ana-pw");
        var form = (await WebPage.GetAsync(frank, "/clinics/C01/list")).FormOf("Save outcome for Ben Brooks");
        form["outcome"] = "not_reached";
        form["note"] = "no answer";

        // Act
        await WebPage.PostAsync(frank, "/clinics/C01/list", form);
        await WebPage.PostAsync(frank, "/clinics/C01/list", form);
        var list = await WebPage.GetAsync(frank, "/clinics/C01/list");
        var recent = await WebPage.GetAsync(frank, "/clinics/C01/recent");
        var found = await WebPage.GetAsync(frank, "/search?q=ben%20brooks");
        var audit = await WebPage.GetAsync(ana, "/audit");

        // Assert
        Assert.Equal(1, await server.OutcomesOfAsync("P2"));
        Assert.DoesNotContain("Save outcome for Ben Brooks", list.Text, StringComparison.Ordinal);
        Assert.Contains("no answer", recent.Text, StringComparison.Ordinal);
        Assert.Contains("Ben Brooks", found.Text, StringComparison.Ordinal);
        Assert.Contains("attempts 0 → 1", audit.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/clinics/C02/list")]
    [InlineData("/clinics/C02/recent")]
    [InlineData("/clinics/C02/patients/Q1")]
    public async Task FrontDesk_Gets403_ForAnotherClinicsPages(string path)
    {
        await using var server = await WebAppServer.StartAsync();
        using var client = server.Client();
        await WebPage.SignInAsync(client, "frank", "frank-pw");

        var page = await WebPage.GetAsync(client, path);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.DoesNotContain("Quinn", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsPatientsOfTheUsersClinicsOnly()
    {
        await using var server = await WebAppServer.StartAsync();
        using var frank = server.Client();
        using var ana = server.Client();
        await WebPage.SignInAsync(frank, "frank", "frank-pw");
        await WebPage.SignInAsync(ana, "ana", "ana-pw");

        var byName = await WebPage.GetAsync(frank, "/search?q=carter");
        var otherClinic = await WebPage.GetAsync(frank, "/search?q=Quinn");
        var asAdmin = await WebPage.GetAsync(ana, "/search?q=Q1");

        Assert.Contains("Cleo Carter", byName.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Quinn", otherClinic.Text.Replace("value=\"Quinn\"", "", StringComparison.Ordinal).Replace("Quinn\" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Quinn Quade", asAdmin.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_ServeAManagersOwnClinicsFiles_AndRefuseOthersAndPathsOutside()
    {
        // Arrange
        await using var server = await WebAppServer.StartAsync();
        var monthly = Directory.CreateDirectory(Path.Combine(server.OutputDirectory, "monthly")).FullName;
        var outreach = Directory.CreateDirectory(Path.Combine(server.OutputDirectory, "outreach")).FullName;
        await File.WriteAllTextAsync(Path.Combine(monthly, "retention-2026-05-C01.xlsx"), "C01 workbook");
        await File.WriteAllTextAsync(Path.Combine(monthly, "retention-2026-05-C02.xlsx"), "C02 workbook");
        await File.WriteAllTextAsync(Path.Combine(monthly, "retention-2026-05.xlsx"), "group workbook");
        await File.WriteAllTextAsync(Path.Combine(outreach, "outreach-C01-2026-05-04.xlsx"), "old list");
        await File.WriteAllTextAsync(Path.Combine(outreach, "outreach-C01-2026-05-11.xlsx"), "current list");
        using var mia = server.Client();
        using var frank = server.Client();
        await WebPage.SignInAsync(mia, "mia", "mia-pw");
        await WebPage.SignInAsync(frank, "frank", "frank-pw");

        // Act
        var list = await WebPage.GetAsync(mia, "/reports");
        using var own = await mia.GetAsync(new Uri("/reports/monthly/retention-2026-05-C01.xlsx", UriKind.Relative));
        using var other = await mia.GetAsync(new Uri("/reports/monthly/retention-2026-05-C02.xlsx", UriKind.Relative));
        using var group = await mia.GetAsync(new Uri("/reports/monthly/retention-2026-05.xlsx", UriKind.Relative));
        using var outside = await mia.GetAsync(new Uri("/reports/monthly/..%2F..%2Fptanalytics.db", UriKind.Relative));
        using var frontDesk = await frank.GetAsync(new Uri("/reports/outreach/outreach-C01-2026-05-11.xlsx", UriKind.Relative));

        // Assert
        Assert.Contains("retention-2026-05-C01.xlsx", list.Text, StringComparison.Ordinal);
        Assert.Contains("outreach-C01-2026-05-11.xlsx", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("outreach-C01-2026-05-04.xlsx", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("C02", list.Text, StringComparison.Ordinal);
        Assert.Equal("C01 workbook", await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, group.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, frontDesk.StatusCode);
    }

    [Fact]
    public async Task Health_Answers200_WithAJobServerAlive_And503_WithoutOne()
    {
        await using var alive = await WebAppServer.StartAsync(startJobServer: true);
        await using var noServer = await WebAppServer.StartAsync();
        using var client = new HttpClient();

        using var healthy = await client.GetAsync(new Uri(alive.Url + "/health"));
        using var unhealthy = await client.GetAsync(new Uri(noServer.Url + "/health"));

        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Contains("\"database\":\"ok\"", await healthy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        Assert.Contains("\"hangfireServersAlive\":0", await unhealthy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
