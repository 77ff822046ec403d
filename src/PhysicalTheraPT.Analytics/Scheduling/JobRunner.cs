using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>
/// Runs scheduled jobs now, as Hangfire jobs on an in-process server with the configured storage (the
/// embedded SQLite one by default), waits for every per-clinic job, and returns what each produced. For
/// the demo and <c>serve --once</c>: <c>await JobRunner.RunNowAsync(context.Services, [JobNames.RefreshFlags], ct)</c>.
/// </summary>
internal static class JobRunner
{
    public static async Task<IReadOnlyList<TriggeredRun>> RunNowAsync(IServiceProvider services, IReadOnlyList<string> jobNames, CancellationToken cancellationToken)
    {
        var unknown = jobNames.FirstOrDefault(name => !JobNames.All.Contains(name));
        if (unknown is not null)
        {
            throw JobNames.Unknown(unknown);
        }

        var options = services.GetRequiredService<IOptions<SchedulingOptions>>().Value;
        await using var host = await SchedulingHost.OpenAsync(services, options.RunNowPollInterval, cancellationToken);
        host.RegisterRecurringJobs();
        await host.RecoverAbandonedRunsAsync(cancellationToken);
        host.StartServer();
        var runs = new List<TriggeredRun>();
        foreach (var jobName in jobNames)
        {
            runs.Add(await host.TriggerAndWaitAsync(jobName, cancellationToken));
        }

        return runs;
    }
}
