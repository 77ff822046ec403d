using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhysicalTheraPT.Analytics.Scheduling;
using HangfireDashboardOptions = Hangfire.DashboardOptions;

namespace PhysicalTheraPT.Analytics.Cli.Dashboard;

/// <summary>
/// The Hangfire dashboard on Kestrel, over the job storage of a <see cref="SchedulingHost"/>. Jobs the
/// dashboard enqueues or triggers get the service's own filters (retries, locks).
/// </summary>
internal static class DashboardServer
{
    public static async Task<WebApplication> StartAsync(SchedulingHost scheduling, string urls, DashboardOptions options, HangfireLogging logging, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(scheduling.Storage);
        builder.Services.AddSingleton<IJobFilterProvider>(scheduling.Filters);
        // AddHangfire points Hangfire's process-wide log at the web host's logging; keep it on the command's,
        // which outlives the web host.
        builder.Services.AddHangfire(hangfire => hangfire.UseLogProvider(logging.Provider));
        // The dashboard's buttons post forms; with antiforgery tokens another site cannot post them on a
        // signed-in admin's behalf. The tokens' keys live in memory: a restart only means reloading the page.
        builder.Services.AddAntiforgery();
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();

        var app = builder.Build();
        var hangfireOptions = new HangfireDashboardOptions
        {
            DashboardTitle = "ptanalytics jobs",
            AppPath = null,
            Authorization = options.Users.Count > 0
                ? [new DashboardBasicAuthentication(options.Users)]
                : [new LocalRequestsOnlyAuthorizationFilter()],
            IsReadOnlyFunc = options.Users.Count > 0 ? DashboardBasicAuthentication.IsReadOnly : _ => false,
        };
        app.MapGet("/", () => Results.Redirect(options.Path));
        app.UseHangfireDashboard(options.Path, hangfireOptions, scheduling.Storage);
        await app.StartAsync(cancellationToken);
        return app;
    }
}
