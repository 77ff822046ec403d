using Hangfire;
using Hangfire.Common;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>
/// Registers (or updates) the recurring jobs under their names, each with its cron expression and the
/// schedule's time zone, on the fan-out queue. Every server does this at start from the same
/// configuration, so the last one started wins and all agree. When sources are configured, refresh-flags
/// keeps no schedule of its own: the night's sync starts it when it ends (<see cref="ClinicWorkJob"/>),
/// so the flags always judge that night's copy, or the last good one when the sync failed.
/// </summary>
internal static class RecurringJobRegistrar
{
    public static void Register(IRecurringJobManager manager, SchedulingOptions options, TimeZoneInfo timeZone, bool flagsFollowSync = false)
    {
        foreach (var jobName in JobNames.All)
        {
            var cron = flagsFollowSync && jobName == JobNames.RefreshFlags ? Cron.Never() : options.CronFor(jobName);
            var job = Job.FromExpression<FanOutJob>(fanOut => fanOut.RunAsync(jobName, null, CancellationToken.None), options.FanOutQueue);
            try
            {
                manager.AddOrUpdate(jobName, job, cron, new RecurringJobOptions { TimeZone = timeZone });
            }
            catch (ArgumentException exception)
            {
                throw new UserInputException(
                    $"Scheduling:{CronSetting(jobName)} '{cron}' is not a valid cron expression ({exception.InnerException?.Message ?? exception.Message}). " +
                    "Use five fields, minute hour day-of-month month day-of-week: for example '0 2 * * *' for 02:00 every day.",
                    exception);
            }
        }
    }

    public static string CronSetting(string jobName) => jobName switch
    {
        JobNames.Sync => nameof(SchedulingOptions.SyncCron),
        JobNames.RefreshFlags => nameof(SchedulingOptions.RefreshFlagsCron),
        JobNames.OutreachLists => nameof(SchedulingOptions.OutreachListsCron),
        JobNames.RetentionReport => nameof(SchedulingOptions.RetentionReportCron),
        JobNames.OutreachInbox => nameof(SchedulingOptions.OutreachInboxCron),
        _ => throw JobNames.Unknown(jobName),
    };
}
