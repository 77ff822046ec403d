using Microsoft.Playwright;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Web;

/// <summary>
/// Front desk in a real browser (Chromium, through Playwright): sign in, work today's list, see the
/// history, and the refusals a person would meet. Each test has its own server, so a lockout stays in it.
/// </summary>
public sealed class WebAppBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly string[] Outcomes = ["not_reached", "left_message", "booked", "declined", "do_not_contact", "wrong_number"];

    [BrowserFact]
    public async Task SignIn_OpensTheUsersClinics_AndAWrongPasswordIsRefused()
    {
        // Arrange
        await using var server = await WebAppServer.StartAsync();
        var page = await chromium.NewPageAsync(server);

        // Act
        await SignInAsync(page, "frank", "not-the-password");
        var refusal = await page.TextContentAsync("main");
        await SignInAsync(page, "frank", "frank-pw");

        // Assert
        Assert.Contains("The user name or password is wrong.", refusal, StringComparison.Ordinal);
        Assert.Equal("Your clinics · ptanalytics", await page.TitleAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Today's list" }).CountAsync());
        Assert.DoesNotContain("Uptown", await page.TextContentAsync("main"), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task SaveOutcome_TakesEachPatientOffTheList_AndShowsInTheirHistory()
    {
        // Arrange
        await using var server = await WebAppServer.StartAsync();
        var page = await chromium.NewPageAsync(server);
        await SignInAsync(page, "frank", "frank-pw");
        await page.GotoAsync("/clinics/C01/list");
        Assert.Equal("Today's list · Eastside (C01) · ptanalytics", await page.TitleAsync());

        // Act: one outcome of the Excel list's six for each patient, as front desk picks them.
        for (var index = 0; index < Outcomes.Length; index++)
        {
            var (_, first, last) = WebAppServer.Eastside[index];
            await page.GetByLabel($"Outcome for {first} {last}").SelectOptionAsync(Outcomes[index]);
            await page.GetByLabel($"Note for {first} {last}").FillAsync($"call {index + 1}");
            await page.GetByRole(AriaRole.Button, new() { Name = $"Save outcome for {first} {last}" }).ClickAsync();

            // Assert: the rules take the patient off today's list (a retry in 7 days, or the item closed).
            Assert.Contains($"Saved the outcome for {first} {last}.", await page.TextContentAsync("main"), StringComparison.Ordinal);
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = $"Save outcome for {first} {last}" }).CountAsync());
        }

        Assert.Contains("Nobody to call today.", await page.TextContentAsync("main"), StringComparison.Ordinal);
        await page.GotoAsync("/clinics/C01/patients/P1");
        var history = await page.TextContentAsync("main");
        Assert.Equal("Ava Archer · Eastside (C01) · ptanalytics", await page.TitleAsync());
        Assert.Contains("Not reached", history, StringComparison.Ordinal);
        Assert.Contains("F (frank)", history, StringComparison.Ordinal);
        Assert.Contains("call 1", history, StringComparison.Ordinal);
        await page.GotoAsync("/clinics/C01/recent");
        Assert.Equal(Outcomes.Length, await page.Locator("tbody tr").CountAsync());
    }

    [BrowserFact]
    public async Task FrontDesk_Gets403_OnAnotherClinicsListAndPatient()
    {
        await using var server = await WebAppServer.StartAsync();
        var page = await chromium.NewPageAsync(server);
        await SignInAsync(page, "frank", "frank-pw");

        var list = await page.GotoAsync("/clinics/C02/list");
        var listText = await page.TextContentAsync("main");
        var patient = await page.GotoAsync("/clinics/C02/patients/Q1");

        Assert.Equal(403, list!.Status);
        Assert.Contains("clinic you do not work for", listText, StringComparison.Ordinal);
        Assert.Equal(403, patient!.Status);
        Assert.DoesNotContain("Quinn", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task SaveOutcome_IsRefused_WhenTheFormLostItsAntiforgeryToken()
    {
        // Arrange: the form as another site would post it, without this site's token.
        await using var server = await WebAppServer.StartAsync();
        var page = await chromium.NewPageAsync(server, bypassCsp: true);
        await SignInAsync(page, "frank", "frank-pw");
        await page.GotoAsync("/clinics/C01/list");
        await page.EvaluateAsync("document.querySelectorAll('input[name=__RequestVerificationToken]').forEach(input => input.remove())");
        await page.GetByLabel("Outcome for Ava Archer").SelectOptionAsync("booked");

        // Act
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Save outcome for Ava Archer" }).ClickAsync(),
            response => response.Request.Method == "POST");
        await page.WaitForLoadStateAsync();

        // Assert
        Assert.Equal(400, response.Status);
        Assert.Contains("This form has expired or did not come from this site.", await page.TextContentAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await server.OutcomesOfAsync("P1"));
    }

    [BrowserFact]
    public async Task SignIn_LocksTheName_AfterFiveWrongPasswords()
    {
        await using var server = await WebAppServer.StartAsync();
        var page = await chromium.NewPageAsync(server);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(page, "frank", $"guess {attempt}");
        }

        await SignInAsync(page, "frank", "frank-pw");

        Assert.Contains("Too many failed sign-ins.", await page.TextContentAsync("main"), StringComparison.Ordinal);
        Assert.Equal("Sign in · ptanalytics", await page.TitleAsync());
    }

    [BrowserFact]
    public async Task SignOut_EndsTheSession()
    {
        await using var server = await WebAppServer.StartAsync();
        var page = await chromium.NewPageAsync(server);
        await SignInAsync(page, "frank", "frank-pw");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/clinics/C01/list");

        Assert.Equal("Sign in · ptanalytics", await page.TitleAsync());
        Assert.Contains("/signin?returnUrl=", page.Url, StringComparison.Ordinal);
    }

    /// <summary>
    /// The pages fit a phone's width (nothing to scroll sideways), and their pictures for docs/web.md: set
    /// PTA_WEB_SCREENSHOTS to a folder to keep them (docs/images), else they go to a folder deleted after.
    /// </summary>
    [BrowserFact]
    public async Task Pages_FitAPhone_AndArePhotographed()
    {
        // Arrange
        await using var server = await WebAppServer.StartAsync();
        using var temporary = new TemporaryFolder();
        var folder = Environment.GetEnvironmentVariable("PTA_WEB_SCREENSHOTS") is { Length: > 0 } kept ? kept : temporary.Path;
        var page = await chromium.NewPageAsync(server, width: 390, height: 844);
        var widths = new List<(string Page, int Width)>();
        async Task ShootAsync(string name)
        {
            widths.Add((name, await page.EvaluateAsync<int>("document.documentElement.scrollWidth")));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
        }

        // Act
        await page.GotoAsync("/signin");
        await ShootAsync("web-sign-in.png");
        await SignInAsync(page, "frank", "frank-pw");
        await page.GotoAsync("/clinics/C01/list");
        await page.GetByLabel("Outcome for Ava Archer").SelectOptionAsync("left_message");
        await page.GetByLabel("Note for Ava Archer").FillAsync("Voicemail; try mornings");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save outcome for Ava Archer" }).ClickAsync();
        await ShootAsync("web-list.png");
        await page.GotoAsync("/clinics/C01/patients/P1");
        await ShootAsync("web-patient-history.png");

        // Assert
        Assert.All(widths, shot => Assert.True(shot.Width <= 390, $"{shot.Page} is {shot.Width} px wide on a 390 px phone"));
        Assert.All(widths, shot => Assert.True(new FileInfo(Path.Combine(folder, shot.Page)).Length > 1000, $"{shot.Page} is empty"));
    }

    private static async Task SignInAsync(IPage page, string name, string password)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
