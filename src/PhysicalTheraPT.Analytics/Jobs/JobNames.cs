namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>The scheduled jobs, by the names they have on the dashboard, in <c>job_runs</c> and on the command line.</summary>
internal static class JobNames
{
    /// <summary>Nightly: each clinic's flagged patients as of its local today, stored in <c>patient_flags</c>.</summary>
    public const string RefreshFlags = "refresh-flags";

    /// <summary>Weekly: each clinic's outreach workbook for front desk.</summary>
    public const string OutreachLists = "outreach-lists";

    /// <summary>Nightly, before refresh-flags: every configured source pulled into the store (Sources/).</summary>
    public const string Sync = "sync";

    /// <summary>Monthly: last month's retention workbook for all clinics and for each clinic.</summary>
    public const string RetentionReport = "retention-report";

    /// <summary>Every 15 minutes: worked lists dropped into the inbox folder, imported and moved on.</summary>
    public const string OutreachInbox = "outreach-inbox";

    public static IReadOnlyList<string> All { get; } = [Sync, RefreshFlags, OutreachLists, RetentionReport, OutreachInbox];

    public static UserInputException Unknown(string? jobName) =>
        new($"There is no job named '{jobName}'. The jobs are: {string.Join(", ", All)}.");
}
