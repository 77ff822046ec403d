using Hangfire.Common;
using Hangfire.States;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>
/// Marks a job that failed for a permanent reason (bad credentials, a missing table, a bad setting)
/// failed at once, with what to do, instead of letting the retry filter try it again for an hour: it
/// runs before <see cref="Hangfire.AutomaticRetryAttribute"/>, which skips
/// <see cref="PermanentJobFailureException"/>. The per-clinic runner classifies its own failures; this
/// catches the rest (a fan-out that cannot read the clinics, a job whose services cannot be built).
/// </summary>
internal sealed class PermanentFailureFilter : JobFilterAttribute, IElectStateFilter
{
    public PermanentFailureFilter()
    {
        Order = 10;
    }

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState { Exception: { } exception } failed
            || exception is PermanentJobFailureException
            || !JobFailureClassifier.IsPermanent(exception))
        {
            return;
        }

        var job = context.BackgroundJob.Job;
        var subject = job?.Args.FirstOrDefault() is string jobName ? jobName : context.BackgroundJob.Id;
        var message = JobFailureClassifier.DescribePermanent(subject, $"{subject} (job {context.BackgroundJob.Id})", exception);
        context.CandidateState = new FailedState(new PermanentJobFailureException(message, exception), failed.ServerId)
        {
            Reason = "Permanent error: not retried",
        };
    }
}
