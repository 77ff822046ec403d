using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// outreach-lists for one clinic: its outreach workbook for front desk as of its local today, in the
/// <c>outreach</c> folder of the output folder. Written atomically under a name made of clinic and date,
/// so a rerun replaces the file with the same one. The list comes from the flags that night's
/// refresh-flags stored; when none are stored for the date, they are computed, and the message says so.
/// </summary>
internal sealed class OutreachListsJob : IClinicJob
{
    private readonly IOutreachListSource _lists;
    private readonly OutreachListWriter _writer;
    private readonly SchedulingOptions _options;

    public OutreachListsJob(IOutreachListSource lists, OutreachListWriter writer, IOptions<SchedulingOptions> options)
    {
        _lists = lists;
        _writer = writer;
        _options = options.Value;
    }

    public string Name => JobNames.OutreachLists;

    public async Task<JobOutcome> RunAsync(JobWorkItem work, CancellationToken cancellationToken)
    {
        var clinicId = work.ClinicId ?? throw new PermanentJobFailureException($"{work}: outreach-lists runs per clinic, but no clinic was given.");
        var asOf = work.PeriodAsDate();
        var build = await _lists.BuildAsync(clinicId, asOf, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var file = _writer.Write(build.List, OutputFolder());
        var computed = build.FlagsComputed ? $" (flags computed: none stored for {asOf:yyyy-MM-dd})" : "";
        return new JobOutcome([file.Path], file.RowsWritten, $"{file.RowsWritten} patient(s) to call ({file.DoNotContactSkipped} do-not-contact left out){computed}.");
    }

    private string OutputFolder() => Path.Combine(_options.EffectiveOutputDirectory, "outreach");
}
