using Hangfire;
using Hangfire.States;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>Waits for Hangfire jobs to reach a final state: succeeded, failed (retries used up or permanent) or deleted.</summary>
internal static class JobCompletion
{
    public static async Task<string> WaitAsync(JobStorage storage, string jobId, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        while (true)
        {
            var state = CurrentState(storage, jobId);
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
