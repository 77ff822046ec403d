using System.CommandLine;
using Hangfire.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PhysicalTheraPT.Analytics.Cli.Dashboard;
using Microsoft.Extensions.Hosting.Systemd;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Demo;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Scheduling;
using Spectre.Console;
using DashboardOptions = PhysicalTheraPT.Analytics.Cli.Dashboard.DashboardOptions;

namespace PhysicalTheraPT.Analytics.Cli.Commands;

/// <summary>
/// <c>ptanalytics serve</c>: the Hangfire server that runs the schedule, with the web app and the jobs
/// dashboard, until Ctrl+C or SIGTERM (or systemd / the Windows service manager stops it);
/// <c>--once JOB</c> runs one job now and exits.
/// </summary>
internal static class ServeCommand
{
    private const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(IAnsiConsole console)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where the web app and dashboard listen (several separated by ';'). Any address but loopback needs Users (docs/web.md).",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var once = new Option<string?>("--once")
        {
            Description = $"Run one job now ({string.Join(", ", JobNames.All)}) with its per-clinic jobs, wait, print what each produced, and exit (0: all succeeded, 1: some failed).",
        };
        var full = new Option<bool>("--full")
        {
            Description = "With --once refresh-flags: evaluate every patient (a full pass) instead of only those whose rows changed or whose next change has come.",
        };
        var noDashboard = new Option<bool>("--no-dashboard") { Description = "Run the server without the dashboard." };
        var serverName = new Option<string?>("--server-name") { Description = "This server's name on the dashboard (default: the machine's name)." };
        var hashPassword = new Option<bool>("--hash-password") { Description = "Read a password from standard input, print its hash for Users:N:PasswordHash (or Dashboard:Users:N:PasswordHash), and exit." };

        var serve = new Command("serve", "Run the scheduled jobs (refresh-flags, outreach-lists, retention-report) on a Hangfire server, with its dashboard, until stopped.");
        serve.Options.Add(urls);
        serve.Options.Add(once);
        serve.Options.Add(full);
        serve.Options.Add(noDashboard);
        serve.Options.Add(serverName);
        serve.Options.Add(hashPassword);
        CommandAction.Set(serve, console, async context =>
        {
            if (context.Value(hashPassword))
            {
                return PrintPasswordHash(context);
            }

            if (context.Value(full))
            {
                if (context.Value(once) != JobNames.RefreshFlags)
                {
                    throw new UserInputException($"--full goes with --once {JobNames.RefreshFlags} (a full pass of the flags). Example: `ptanalytics serve --once {JobNames.RefreshFlags} --full`.");
                }

                context.Get<RefreshFlagsJob>().ForceFullPass = true;
            }

            if (context.Value(once) is { } jobName)
            {
                return await RunOnceAsync(context, jobName);
            }

            return await ServeAsync(context, context.Value(urls) ?? DefaultUrls, !context.Value(noDashboard), context.Value(serverName));
        }, refused: async (context, error) =>
        {
            if (context.Value(once) is { } jobName && JobNames.All.Contains(jobName))
            {
                await RecordRefusalAsync(context, jobName, error);
            }
        });
        return serve;
    }

    private static async Task<int> RunOnceAsync(CommandContext context, string jobName)
    {
        var runs = await JobRunner.RunNowAsync(context.Services, [jobName], context.CancellationToken);
        var run = runs.Single();
        TriggeredRunTable.Write(context.Console, run);
        return run.Succeeded ? CommandAction.Success : 1;
    }

    private static async Task<int> ServeAsync(CommandContext context, string urls, bool withDashboard, string? serverName)
    {
        var dashboardOptions = context.Configuration.GetSection("Dashboard").Get<DashboardOptions>() ?? new DashboardOptions();
        dashboardOptions.AppUsers = AppUsers.Read(context.Configuration);
        if (withDashboard && DashboardAccess.NonLoopbackAddresses(urls).Count == 0 && await DemoUserAsync(context) is { } demo)
        {
            dashboardOptions.AppUsers.Add(demo);
        }

        // Before anything starts: an exposed dashboard without users must not run even for a moment.
        var web = withDashboard ? DashboardServer.Prepare(urls, dashboardOptions, context.Configuration) : null;
        if (web is not null)
        {
            await CheckUserClinicsAsync(context, dashboardOptions);
        }

        using var hangfireLogging = HangfireLogging.RouteTo(context.Get<ILoggerFactory>());
        await using var scheduling = await SchedulingHost.OpenAsync(context.Services, pollInterval: null, context.CancellationToken);
        scheduling.RegisterRecurringJobs();
        await scheduling.RecoverAbandonedRunsAsync(context.CancellationToken);
        scheduling.StartServer(serverName);
        WriteSchedule(context, scheduling);

        WebApplication? dashboard = null;
        try
        {
            if (web is not null)
            {
                dashboard = await web.StartAsync(scheduling, hangfireLogging, context.CancellationToken);
                // The addresses really bound, which Kestrel's own settings may have put in place of --urls.
                foreach (var url in dashboard.Urls)
                {
                    context.Console.MarkupLineInterpolated($"Web app: [link]{url.TrimEnd('/')}/[/]  Dashboard: [link]{url.TrimEnd('/')}{dashboardOptions.Path}[/]");
                }
            }
            else if (SystemdHelpers.IsSystemdService())
            {
                // Without the web host nobody else tells systemd (Type=notify) that the service is up.
                new SystemdNotifier().Notify(ServiceState.Ready);
            }

            context.Console.MarkupLine("Running. Press Ctrl+C (or send SIGTERM) to stop.");
            var stopping = dashboard?.Lifetime.ApplicationStopping ?? CancellationToken.None;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, stopping);
            await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            context.Console.MarkupLine("Stopping: running jobs get the shutdown signal and go back to the queue.");
            await scheduling.StopServerAsync();
            if (dashboard is not null)
            {
                await dashboard.StopAsync(CancellationToken.None);
                await dashboard.DisposeAsync();
            }
        }

        context.Console.MarkupLine("Stopped.");
        return CommandAction.Success;
    }

    /// <summary>The demo's sign-in, when the demo ran on this database (accepted on loopback only).</summary>
    private static async Task<DashboardUser?> DemoUserAsync(CommandContext context)
    {
        var hash = await context.Get<DemoSignIn>().ReadAsync(context.CancellationToken);
        return hash is null || AppUsers.Read(context.Configuration).Any(user => user.Name == DemoSignIn.UserName) ? null : new DashboardUser
        {
            Name = DemoSignIn.UserName,
            Role = DashboardUser.AdminRole,
            PasswordHash = hash,
            Initials = "DEMO",
            IsWebUser = true,
            IsDemo = true,
        };
    }

    /// <summary>A clinic id that is not in the database is a typo: refused when the database has clinics, a warning before the first import.</summary>
    private static async Task CheckUserClinicsAsync(CommandContext context, DashboardOptions options)
    {
        var clinics = await ClinicDirectory.LoadAsync(context.Get<AnalyticsDatabase>(), context.CancellationToken);
        if (clinics.Clinics.Count > 0)
        {
            AppUsers.CheckClinics(options.AppUsers, clinics.ClinicIds);
        }
        else if (options.AppUsers.Any(user => user.Clinics.Count > 0))
        {
            context.Console.MarkupLine("[yellow]Warning:[/] the database has no clinics yet, so Users:N:Clinics cannot be checked; users see their clinics once the data is imported.");
        }
    }

    // `runs` is where an operator looks after a scheduled --once; a run refused for bad settings shows there
    // too, when the database itself can be reached.
    private static async Task RecordRefusalAsync(CommandContext context, string jobName, UserInputException error)
    {
        try
        {
            await context.Get<JobRunStore>().RecordRefusedAsync(jobName, $"Not started: {error.Message}", CancellationToken.None);
        }
#pragma warning disable CA1031 // The refusal itself is what the user must see; its record is a courtesy.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            context.Console.MarkupLineInterpolated($"[grey](Not recorded in `ptanalytics runs`: {exception.Message})[/]");
        }
    }

    private static void WriteSchedule(CommandContext context, SchedulingHost scheduling)
    {
        var database = context.Get<AnalyticsDatabase>();
        context.Console.MarkupLineInterpolated($"Hangfire server on {database.Description}: {scheduling.Options.WorkerCount} worker(s), queues {string.Join(", ", scheduling.Options.EffectiveQueues)}.");
        using var connection = scheduling.Storage.GetConnection();
        foreach (var job in connection.GetRecurringJobs(JobNames.All))
        {
            var next = job.NextExecution is { } at ? $"{at:yyyy-MM-dd HH:mm} UTC" : "not scheduled";
            context.Console.MarkupLineInterpolated($"  {job.Id,-17} {job.Cron,-12} ({job.TimeZoneId})  next {next}");
        }
    }

    private static int PrintPasswordHash(CommandContext context)
    {
        var password = System.Console.In.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            throw new UserInputException("No password on standard input. Example: `printf '%s\\n' \"$PASSWORD\" | ptanalytics serve --hash-password`.");
        }

        context.Console.WriteLine(DashboardPassword.Hash(password));
        return CommandAction.Success;
    }
}
