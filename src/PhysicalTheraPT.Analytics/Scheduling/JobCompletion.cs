using Hangfire;
using Hangfire.States;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>Waits for Hangfire jobs to reach a final state: succeeded, failed (retries used up or permanent) or deleted.</summary>
internal static class JobCompletion
{
    /// <summary>Polls the job's state until it is final; a database outage is thrown at once.</summary>
    public static Task<string> WaitAsync(JobStorage storage, string jobId, TimeSpan pollInterval, CancellationToken cancellationToken) =>
        WaitAsync(storage, jobId, pollInterval, TimeSpan.Zero, TimeProvider.System, cancellationToken);

    /// <summary>
    /// Polls the job's state until it is final. A database outage while polling is waited out for up to
    /// <paramref name="outagePatience"/>, then thrown.
    /// </summary>
    public static async Task<string> WaitAsync(JobStorage storage, string jobId, TimeSpan pollInterval, TimeSpan outagePatience, TimeProvider time, CancellationToken cancellationToken)
    {
        while (true)
        {
            var state = await DatabaseOutage.WaitOutAsync(() => CurrentState(storage, jobId), outagePatience, time, cancellationToken);
            if (IsFinal(state))
            {
                return state!;
            }

            await Task.Delay(pollInterval, cancellationToken);
        }
    }

    public static bool IsFinal(string? state) =>
        state == SucceededState.StateName || state == FailedState.StateName || state == DeletedState.StateName;

    public static string? CurrentState(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    /// <summary>The message of the job's last failure (what the dashboard shows), or null.</summary>
    public static string? FailureMessage(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        var state = connection.GetStateData(jobId);
        return state?.Name == FailedState.StateName && state.Data.TryGetValue("ExceptionMessage", out var message) ? message : null;
    }
}
