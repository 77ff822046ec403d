using System.Globalization;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// outreach-inbox, for all clinics at once (the folder is shared; each list says its clinic): imports
/// every worked list dropped into <see cref="OutreachOptions.InboxDirectory"/> (blank:
/// <c>outreach/inbox/</c> in the output folder) and moves it on (<see cref="OutreachInbox"/>). Running it
/// again finds only what was dropped since, and a list dropped twice records its outcomes once.
/// </summary>
internal sealed class OutreachInboxJob : IClinicJob
{
    private readonly OutreachInbox _inbox;
    private readonly string _directory;

    public OutreachInboxJob(OutreachInbox inbox, IOptions<OutreachOptions> outreach, IOptions<SchedulingOptions> scheduling)
    {
        _inbox = inbox;
        _directory = InboxDirectory(outreach.Value, scheduling.Value);
    }

    public string Name => JobNames.OutreachInbox;

    /// <summary>The inbox folder, with the blank default resolved.</summary>
    public static string InboxDirectory(OutreachOptions outreach, SchedulingOptions scheduling) =>
        string.IsNullOrWhiteSpace(outreach.InboxDirectory)
            ? Path.Combine(scheduling.EffectiveOutputDirectory, "outreach", "inbox")
            : Path.GetFullPath(outreach.InboxDirectory);

    public async Task<JobOutcome> RunAsync(JobWorkItem work, CancellationToken cancellationToken)
    {
        var run = await _inbox.ImportAsync(_directory, cancellationToken);
        var left = run.LeftForNextRun > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {run.LeftForNextRun} still being copied or open, left for the next run") : "";
        return new JobOutcome(
            [.. run.Files.Select(file => file.MovedTo)],
            run.Recorded,
            string.Create(CultureInfo.InvariantCulture, $"{run.Imported} list(s) imported ({run.Recorded} outcome(s) recorded), {run.Rejected} rejected{left}; inbox {_directory}."));
    }
}
