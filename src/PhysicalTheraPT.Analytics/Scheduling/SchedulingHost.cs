using System.Data.Common;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Sources;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>
/// Hangfire for one process: the job storage of the configured database, a client and a recurring-job
/// manager with this service's filters, and (once started) a background job server that runs the jobs
/// with the command's services. <c>serve</c>, <c>serve --once</c>, <see cref="JobRunner"/> and the tests
/// all go through it. Nothing here is process-wide except Hangfire's serializer settings.
/// </summary>
internal sealed class SchedulingHost : IAsyncDisposable
{
    private static readonly Lazy<bool> SerializerConfigured = new(() =>
    {
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings();
        return true;
    });

    private readonly IServiceProvider _services;
    private readonly TimeSpan _pollInterval;
    private BackgroundJobServer? _server;

    private SchedulingHost(IServiceProvider services, SchedulingOptions options, JobStorage storage, TimeSpan pollInterval, string? postgresConnectionString)
    {
        _services = services;
        _pollInterval = pollInterval;
        Options = options;
        Storage = storage;
        Filters = new SchedulingFilterProvider(options, postgresConnectionString);
        Client = new BackgroundJobClient(storage, Filters);
        RecurringJobs = new RecurringJobManager(storage, Filters);
    }

    public SchedulingOptions Options { get; }

    /// <summary>The services it was opened with (the web app of <c>serve</c> reads the store through them).</summary>
    public IServiceProvider Services => _services;

    public JobStorage Storage { get; }

    public IJobFilterProvider Filters { get; }

    public IBackgroundJobClient Client { get; }

    public RecurringJobManager RecurringJobs { get; }

    /// <summary>
    /// Opens the job storage of the configured database (after making sure the data schema is current).
    /// <paramref name="pollInterval"/> overrides how often the server looks for work: short when someone
    /// is waiting for the result (<c>--once</c>, the demo, tests).
    /// </summary>
    public static async Task<SchedulingHost> OpenAsync(IServiceProvider services, TimeSpan? pollInterval, CancellationToken cancellationToken)
    {
        _ = SerializerConfigured.Value;
        var options = services.GetRequiredService<IOptions<SchedulingOptions>>().Value;
        options.Validate();
        var database = services.GetRequiredService<AnalyticsDatabase>();
        await database.EnsureSchemaIsCurrentAsync(cancellationToken);

        var poll = pollInterval ?? options.QueuePollInterval;
        JobStorage storage;
        try
        {
            storage = JobStorageFactory.Create(database, options, poll);
        }
        catch (Exception exception) when (exception is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or SQLite.SQLiteException)
        {
            throw new UserInputException(
                $"Could not open the job storage in {database.Description}: {exception.Message} " +
                "Check Database:ConnectionString (the user needs to create the schema 'hangfire' on first start) or the data folder's permissions.",
                exception);
        }

        return new SchedulingHost(services, options, storage, poll, database.Provider == DatabaseProvider.Postgres ? database.ConnectionString : null);
    }

    /// <summary>Registers (or updates) the recurring jobs with their cron and the schedule's time zone.</summary>
    public void RegisterRecurringJobs()
    {
        var timeZone = _services.GetRequiredService<ClinicCalendar>().ScheduleTimeZone();
        var sources = _services.GetRequiredService<IOptions<SourcesOptions>>().Value;
        RecurringJobRegistrar.Register(RecurringJobs, Options, timeZone, flagsFollowSync: sources.Sources.Count > 0);
    }

    /// <summary>
    /// Marks the runs of servers that died mid-job abandoned and frees their locks and jobs (see
    /// <see cref="AbandonedRuns"/>); before a server starts, and when <c>runs</c> looks.
    /// </summary>
    public Task<int> RecoverAbandonedRunsAsync(CancellationToken cancellationToken) =>
        new AbandonedRuns(
            Storage,
            Client,
            _services.GetRequiredService<JobRunStore>(),
            Options,
            _services.GetRequiredService<TimeProvider>(),
            _services.GetRequiredService<ILoggerFactory>().CreateLogger<AbandonedRuns>()).RecoverAsync(cancellationToken);

    /// <summary>Starts a background job server on the configured queues; <paramref name="serverName"/> tells servers apart on the dashboard.</summary>
    public void StartServer(string? serverName = null)
    {
        if (_server is not null)
        {
            throw new InvalidOperationException("The server is already running.");
        }

        var serverOptions = new BackgroundJobServerOptions
        {
            WorkerCount = Math.Max(1, Options.WorkerCount),
            Queues = Options.EffectiveQueues.ToArray(),
            SchedulePollingInterval = _pollInterval < Options.SchedulePollingInterval ? _pollInterval : Options.SchedulePollingInterval,
            ShutdownTimeout = Options.ShutdownTimeout,
            ServerTimeout = Options.ServerTimeout,
            FilterProvider = Filters,
            Activator = new ServiceScopeJobActivator(_services.GetRequiredService<IServiceScopeFactory>(), Client),
        };
        if (!string.IsNullOrWhiteSpace(serverName))
        {
            serverOptions.ServerName = serverName;
        }

        _server = new BackgroundJobServer(serverOptions, Storage);
    }

    /// <summary>
    /// Stops the server: no new jobs are taken, running ones get their cancellation token and go back to
    /// the queue for the next server.
    /// </summary>
    public async Task StopServerAsync()
    {
        if (_server is not { } server)
        {
            return;
        }

        _server = null;
        server.SendStop();
        await server.WaitForShutdownAsync(CancellationToken.None);
        server.Dispose();
    }

    /// <summary>Triggers a recurring job now and waits until it and every per-clinic job it enqueued have finished.</summary>
    public async Task<TriggeredRun> TriggerAndWaitAsync(string jobName, CancellationToken cancellationToken)
    {
        if (!JobNames.All.Contains(jobName))
        {
            throw JobNames.Unknown(jobName);
        }

        var parentId = RecurringJobs.TriggerJob(jobName)
            ?? throw new UserInputException($"The recurring job {jobName} is not registered in the job storage; start `ptanalytics serve` once, or register it first.");
        var parentState = await WaitAsync(parentId, cancellationToken);

        var work = new List<TriggeredWork>();
        var children = ChildrenOf(parentId);
        foreach (var childId in children)
        {
            var state = await WaitAsync(childId, cancellationToken);
            work.Add(new TriggeredWork(childId, state, JobCompletion.FailureMessage(Storage, childId), null));
        }

        var runs = await _services.GetRequiredService<JobRunStore>().ListForSchedulerJobsAsync(children, cancellationToken);
        var lastRuns = runs.GroupBy(run => run.SchedulerJobId!).ToDictionary(group => group.Key, group => group.Last());
        return new TriggeredRun(
            jobName,
            parentId,
            parentState,
            JobCompletion.FailureMessage(Storage, parentId),
            work.Select(item => item with { LastRun = lastRuns.GetValueOrDefault(item.SchedulerJobId) }).ToList());
    }

    // Someone is waiting for the result: a database restarting meanwhile is waited out, for a while.
    private Task<string> WaitAsync(string jobId, CancellationToken cancellationToken) =>
        JobCompletion.WaitAsync(Storage, jobId, _pollInterval, Options.RunNowOutageTimeout, _services.GetRequiredService<TimeProvider>(), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        (Storage as IDisposable)?.Dispose();
    }

    /// <summary>The per-clinic jobs a fan-out job enqueued (empty until it has run).</summary>
    public string[] ChildrenOf(string parentId)
    {
        using var connection = Storage.GetConnection();
        var json = connection.GetJobParameter(parentId, FanOutJob.ChildrenParameter);
        return string.IsNullOrEmpty(json) ? [] : SerializationHelper.Deserialize<string[]>(json);
    }
}
