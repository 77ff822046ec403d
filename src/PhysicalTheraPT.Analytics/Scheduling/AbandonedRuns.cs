using System.Diagnostics;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Logging;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>
/// Cleans up after a server that died mid-job (kill -9, a lost machine), when the next server starts or
/// a command looks at the runs: its runs still recorded as running are marked
/// <see cref="JobRunStatus.Abandoned"/> and its Hangfire jobs stuck in Processing go back to their
/// queue (the work lock each held died with its session: see <see cref="WorkLockFilter"/>). A server is dead when Hangfire no longer lists it, its heartbeat is older than
/// <see cref="SchedulingOptions.ServerTimeout"/>, or it ran on this machine in a process that is gone.
/// </summary>
internal sealed class AbandonedRuns(JobStorage storage, IBackgroundJobClient client, JobRunStore runs, SchedulingOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>Marks the dead servers' runs abandoned and frees their work; returns how many runs.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var monitoring = storage.GetMonitoringApi();
        var heartbeats = monitoring.Servers().ToDictionary(server => server.Name, server => server.Heartbeat, StringComparer.Ordinal);
        var abandoned = 0;
        foreach (var run in await runs.ListRunningAsync(cancellationToken))
        {
            if (!IsDead(run.Server, heartbeats))
            {
                continue;
            }

            var message = $"Abandoned: its server {run.Server} stopped without finishing it (killed or lost). The next run of the same work redoes it.";
            if (await runs.MarkAbandonedAsync(run.RunId, message, cancellationToken))
            {
                abandoned++;
                logger.LogWarning("{Job} {Clinic} {Period}: run {RunId} abandoned by its server {Server}.", run.Job, run.ClinicLabel, run.Period, run.RunId, run.Server);
            }
        }

        foreach (var (jobId, job) in monitoring.ProcessingJobs(0, 1000))
        {
            if (IsDead(job.ServerId, heartbeats))
            {
                var queue = job.Job?.Queue ?? EnqueuedState.DefaultQueue;
                client.ChangeState(jobId, new EnqueuedState(queue) { Reason = $"Its server {job.ServerId} died: back to the queue" }, ProcessingState.StateName);
            }
        }

        return abandoned;
    }

    // Hangfire names a server "<name>:<process id>:<guid>", the name being the machine's unless
    // --server-name gave another. Anything else (a run started by hand) is never judged dead.
    private bool IsDead(string? serverId, IReadOnlyDictionary<string, DateTime?> heartbeats)
    {
        var parts = serverId?.Split(':') ?? [];
        if (parts.Length < 3 || !Guid.TryParse(parts[^1], out _) || !int.TryParse(parts[^2], out var processId))
        {
            return false;
        }

        if (!heartbeats.TryGetValue(serverId!, out var heartbeat)
            || (heartbeat is { } at && time.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(at, DateTimeKind.Utc) > options.ServerTimeout))
        {
            return true;
        }

        var name = string.Join(':', parts[..^2]);
        return string.Equals(name, Environment.MachineName, StringComparison.OrdinalIgnoreCase) && !IsRunning(processId);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
