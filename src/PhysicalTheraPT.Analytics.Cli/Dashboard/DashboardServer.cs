using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PhysicalTheraPT.Analytics.Cli.Web;
using PhysicalTheraPT.Analytics.Scheduling;
using HangfireDashboardOptions = Hangfire.DashboardOptions;

namespace PhysicalTheraPT.Analytics.Cli.Dashboard;

/// <summary>
/// The web app (<see cref="WebApp"/>, at the root) and the Hangfire dashboard (under Dashboard:Path) on
/// Kestrel, over the store and job storage of a <see cref="SchedulingHost"/>. Jobs the dashboard enqueues
/// or triggers get the service's own filters (retries, locks).
/// </summary>
internal sealed class DashboardServer
{
    // The dashboard's pages load their scripts and styles from its own path and have no inline script;
    // its scripts set inline styles (progress bars, charts), hence 'unsafe-inline' for styles only.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private readonly WebApplicationBuilder _builder;
    private readonly DashboardOptions _options;
    private readonly WebOptions _webOptions;

    private DashboardServer(WebApplicationBuilder builder, DashboardOptions options, WebOptions webOptions)
    {
        _builder = builder;
        _options = options;
        _webOptions = webOptions;
    }

    /// <summary>
    /// Sets the web host up and checks, before anything starts, every address it will listen on: those of
    /// <paramref name="urls"/>, or those Kestrel's own configuration puts in their place (for example the
    /// environment variable <c>Kestrel__Endpoints__Http__Url</c>).
    /// </summary>
    public static DashboardServer Prepare(string urls, DashboardOptions options, IConfiguration configuration)
    {
        var webOptions = configuration.GetSection("Web").Get<WebOptions>() ?? new WebOptions();
        webOptions.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls);
        // Under systemd (Type=notify) the service manager hears "ready" once Kestrel listens, and SIGTERM
        // stops the host; as a Windows service, the service control manager does. Elsewhere both do nothing.
        builder.Host.UseSystemd();
        builder.Host.UseWindowsService();
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

        // Kestrel's endpoints, when configured, replace the URLs given here.
        var endpoints = builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"])
            .OfType<string>()
            .ToList();
        if (endpoints.Count > 0)
        {
            DashboardAccess.Validate(string.Join(';', endpoints), options, "Kestrel:Endpoints, set in the environment (Kestrel__Endpoints__...) or appsettings.json");
        }
        else
        {
            DashboardAccess.Validate(urls, options);
        }

        return new DashboardServer(builder, options, webOptions);
    }

    /// <summary><see cref="Prepare"/> and <see cref="StartAsync(SchedulingHost, HangfireLogging, CancellationToken)"/> in one.</summary>
    public static Task<WebApplication> StartAsync(SchedulingHost scheduling, string urls, DashboardOptions options, HangfireLogging logging, IConfiguration configuration, CancellationToken cancellationToken) =>
        Prepare(urls, options, configuration).StartAsync(scheduling, logging, cancellationToken);

    /// <summary>
    /// Starts the dashboard; its <c>Urls</c> are then the addresses Kestrel really bound. Those are
    /// checked once more, whatever set them, and the dashboard stopped at once if they break the rule.
    /// </summary>
    public async Task<WebApplication> StartAsync(SchedulingHost scheduling, HangfireLogging logging, CancellationToken cancellationToken)
    {
        var builder = _builder;
        var options = _options;
        builder.Services.AddSingleton(scheduling.Storage);
        builder.Services.AddSingleton<IJobFilterProvider>(scheduling.Filters);
        // AddHangfire points Hangfire's process-wide log at the web host's logging; keep it on the command's,
        // which outlives the web host.
        builder.Services.AddHangfire(hangfire => hangfire.UseLogProvider(logging.Provider));
        // The web app's and the dashboard's forms carry antiforgery tokens, so another site cannot post them on
        // a signed-in user's behalf. The keys of tokens and session cookies live in memory: a restart only
        // means signing in again.
        WebApp.AddServices(builder.Services, _webOptions);
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();

        var app = builder.Build();
        app.Use(AddSecurityHeaders);
        WebApp.UseSessions(app);
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        var users = options.AllUsers;
        var guard = users.Count > 0 ? new SignInGuard(users, TimeProvider.System, loggers.CreateLogger<SignInGuard>()) : null;
        var web = new WebApp(users, guard, _webOptions, scheduling.Services, loggers.CreateLogger<WebApp>());
        IDashboardAuthorizationFilter authorization = new LocalRequestsOnlyAuthorizationFilter();
        if (guard is not null)
        {
            var basic = new DashboardBasicAuthentication(guard, web.UserOf);
            app.UseWhen(http => http.Request.Path.StartsWithSegments(options.Path, StringComparison.Ordinal), branch => branch.Use(basic.InvokeAsync));
            authorization = basic;
        }

        var hangfireOptions = new HangfireDashboardOptions
        {
            DashboardTitle = "ptanalytics jobs",
            AppPath = null,
            Authorization = [authorization],
            IsReadOnlyFunc = guard is not null ? DashboardBasicAuthentication.IsReadOnly : _ => false,
        };
        web.Map(app);
        app.UseHangfireDashboard(options.Path, hangfireOptions, scheduling.Storage);
        await app.StartAsync(cancellationToken);
        try
        {
            DashboardAccess.Validate(string.Join(';', app.Urls), options, "the addresses the server bound");
        }
        catch (UserInputException)
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    private static Task AddSecurityHeaders(HttpContext http, RequestDelegate next)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        return next(http);
    }
}
