using Microsoft.Playwright;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Web;

/// <summary>
/// One headless Chromium for a test class: Debian's own (<see cref="BrowserFactAttribute.Chromium"/>),
/// driven by Playwright's bundled driver, never a browser Playwright downloads. Started at first use, so a
/// class whose tests are all skipped never looks for it.
/// </summary>
public sealed class ChromiumFixture : IAsyncDisposable
{
    // Without the networking switches Chromium keeps trying hosts a build machine cannot reach.
    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<IBrowser> BrowserAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            return _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserFactAttribute.Chromium,
                Headless = true,
                Args = Arguments,
            });
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A fresh browser context (its own cookies) on the server's address.</summary>
    internal async Task<IPage> NewPageAsync(WebAppServer server, int width = 1000, int height = 800, bool bypassCsp = false)
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Url,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BypassCSP = bypassCsp,
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _gate.Dispose();
    }
}
