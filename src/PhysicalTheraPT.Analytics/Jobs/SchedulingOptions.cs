namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// When the scheduled jobs run, where their work goes and how hard a server works (section
/// <c>Scheduling</c>). Cron expressions have five fields (minute hour day-of-month month day-of-week) and
/// are read in <see cref="TimeZone"/>; each clinic's "today" is its own local date.
/// </summary>
internal sealed class SchedulingOptions
{
    /// <summary>
    /// sync: nightly at 01:30, pulling every configured source (Sources) before the flags are refreshed.
    /// With sources configured, refresh-flags runs right after the sync (chained) instead of at
    /// <see cref="RefreshFlagsCron"/>; without any, sync does nothing.
    /// </summary>
    public string SyncCron { get; set; } = "30 1 * * *";

    /// <summary>refresh-flags: nightly at 02:00, after the clinics' day is over and before anyone calls.</summary>
    public string RefreshFlagsCron { get; set; } = "0 2 * * *";

    /// <summary>outreach-lists: Mondays at 06:00, so front desk starts the week with a fresh list.</summary>
    public string OutreachListsCron { get; set; } = "0 6 * * 1";

    /// <summary>retention-report: the 1st of every month at 06:00, for the month that just ended.</summary>
    public string RetentionReportCron { get; set; } = "0 6 1 * *";

    /// <summary>outreach-inbox: every 15 minutes, so a list dropped in is recorded before the next call.</summary>
    public string OutreachInboxCron { get; set; } = "*/15 * * * *";

    /// <summary>
    /// IANA time zone the cron expressions are read in (default <c>UTC</c>). Every server reads the same
    /// setting, so servers on machines in different zones agree on when a job is due.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Per-clinic time zone overrides (clinic id → IANA zone). A clinic without one uses the
    /// <c>time_zone</c> of its row in the clinics table.
    /// </summary>
    public Dictionary<string, string> ClinicTimeZones { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Jobs one server runs at the same time (default: one per CPU core, since every per-clinic job reads
    /// that clinic's whole history and gains nothing from more threads than cores).
    /// </summary>
    public int WorkerCount { get; set; } = Environment.ProcessorCount;

    /// <summary>Queue of the recurring jobs, which only list the clinics and enqueue one job per clinic.</summary>
    public string FanOutQueue { get; set; } = "default";

    /// <summary>Queue of the per-clinic jobs, where the real work is.</summary>
    public string ClinicQueue { get; set; } = "clinics";

    /// <summary>
    /// The queues this server takes work from, in order. Blank: both <see cref="FanOutQueue"/> and
    /// <see cref="ClinicQueue"/>. A server given only the clinic queue does per-clinic work only.
    /// </summary>
    public List<string> Queues { get; set; } = [];

    /// <summary>Folder the workbooks are written to. Blank: the reports folder in the data folder.</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>
    /// Retries of a job that failed for a passing reason (database restarting, a lock, a full disk):
    /// 5 by default, waiting <see cref="RetryBaseDelay"/>, then twice that, four times, ... (1, 2, 4, 8,
    /// 16 minutes). A permanent error (bad credentials, missing table, bad setting) is never retried.
    /// </summary>
    public int RetryAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry; each later retry waits twice as long as the one before.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a run waits for another run of the same job, clinic and period to finish before it gives
    /// up (and is retried). Longer than a clinic's job takes, short enough to notice a stuck one.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a server looks for due recurring jobs and retries (Hangfire default: 15 s).</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often an idle server looks for new work in the queues.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often a server started to run jobs now (<c>serve --once</c>, the demo) looks for work and for
    /// retries: short, because someone is waiting for the result.
    /// </summary>
    public TimeSpan RunNowPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// After this long without a sign of life from the server running it, a job is handed to another
    /// server (a machine that died mid-job). Must exceed the longest job on the embedded SQLite storage,
    /// which has no heartbeat for running jobs.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// After this long without a heartbeat (servers beat every 30 s), a server counts as dead: its
    /// running runs are marked abandoned and their locks released by the next server or command.
    /// </summary>
    public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long <c>serve --once</c> waits for a database that stopped answering before it gives up with
    /// exit code 3. A restart of the database takes seconds; retries of the job itself wait
    /// <see cref="RetryBaseDelay"/>.
    /// </summary>
    public TimeSpan RunNowOutageTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a stopping server waits for running jobs to hand their work back.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The queues to listen to, with the blank default resolved.</summary>
    public IReadOnlyList<string> EffectiveQueues => Queues.Count > 0 ? Queues : [FanOutQueue, ClinicQueue];

    /// <summary>The output folder, with the blank default resolved.</summary>
    public string EffectiveOutputDirectory => string.IsNullOrWhiteSpace(OutputDirectory)
        ? AnalyticsPaths.DefaultReportsDirectory
        : Path.GetFullPath(OutputDirectory);

    /// <summary>Throws, naming the setting, when a value cannot work (cron expressions and zones are checked where they are used).</summary>
    public void Validate()
    {
        Require(WorkerCount >= 1, nameof(WorkerCount), WorkerCount, "1 or more");
        Require(RetryAttempts >= 0, nameof(RetryAttempts), RetryAttempts, "0 (no retries) or more");
        Require(RetryBaseDelay >= TimeSpan.Zero, nameof(RetryBaseDelay), RetryBaseDelay, "a duration such as 00:01:00");
        Require(LockTimeout > TimeSpan.Zero, nameof(LockTimeout), LockTimeout, "a positive duration such as 00:10:00");
        Require(SchedulePollingInterval > TimeSpan.Zero, nameof(SchedulePollingInterval), SchedulePollingInterval, "a positive duration such as 00:00:15");
        Require(QueuePollInterval > TimeSpan.Zero, nameof(QueuePollInterval), QueuePollInterval, "a positive duration such as 00:00:15");
        Require(RunNowPollInterval > TimeSpan.Zero, nameof(RunNowPollInterval), RunNowPollInterval, "a positive duration such as 00:00:00.5");
        Require(InvisibilityTimeout > TimeSpan.Zero, nameof(InvisibilityTimeout), InvisibilityTimeout, "a positive duration such as 00:30:00");
        Require(ServerTimeout >= TimeSpan.FromMinutes(1), nameof(ServerTimeout), ServerTimeout, "a duration of a minute or more, such as 00:02:00");
        Require(RunNowOutageTimeout >= TimeSpan.Zero, nameof(RunNowOutageTimeout), RunNowOutageTimeout, "a duration such as 00:05:00");
        Require(ShutdownTimeout > TimeSpan.Zero, nameof(ShutdownTimeout), ShutdownTimeout, "a positive duration such as 00:00:15");
        foreach (var queue in EffectiveQueues.Append(FanOutQueue).Append(ClinicQueue))
        {
            // Hangfire's own rule for queue names.
            Require(queue.Length > 0 && queue.All(character => char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character) || character is '_' or '-'),
                "Queues", queue, "lower-case letters, digits, '_' and '-'");
        }
    }

    /// <summary>The cron expression of <paramref name="jobName"/>.</summary>
    public string CronFor(string jobName) => jobName switch
    {
        JobNames.Sync => SyncCron,
        JobNames.RefreshFlags => RefreshFlagsCron,
        JobNames.OutreachLists => OutreachListsCron,
        JobNames.RetentionReport => RetentionReportCron,
        JobNames.OutreachInbox => OutreachInboxCron,
        _ => throw JobNames.Unknown(jobName),
    };

    private static void Require(bool valid, string setting, object value, string expected)
    {
        if (!valid)
        {
            throw new UserInputException($"Scheduling:{setting} is '{value}'; it must be {expected}.");
        }
    }
}
