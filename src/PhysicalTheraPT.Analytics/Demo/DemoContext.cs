using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Demo;

/// <summary>What every demo step shares: "today", the output folder, progress reporting and the closing summary.</summary>
internal sealed class DemoContext
{
    private readonly IProgress<DemoProgress>? _progress;
    private readonly List<DemoOutput> _outputs = [];

    public DemoContext(DateOnly today, string reportsDirectory, IProgress<DemoProgress>? progress)
    {
        Today = today;
        ReportsDirectory = reportsDirectory;
        _progress = progress;
    }

    /// <summary>The demo's "today": the history is seeded up to it and later steps report as of it.</summary>
    public DateOnly Today { get; }

    /// <summary>Where steps that write files put them.</summary>
    public string ReportsDirectory { get; }

    public int StepIndex { get; internal set; }

    public IReadOnlyList<DemoOutput> Outputs => _outputs;

    public void ReportProgress(double done, double total) => _progress?.Report(new DemoProgress(StepIndex, done, total));

    /// <summary>Progress over the patients the database holds, for a step whose service reports the patients it has read.</summary>
    public async Task<IProgress<int>> ProgressOverPatientsAsync(AnalyticsDatabase database, CancellationToken cancellationToken)
    {
        var patients = (await ClinicDataCounter.CountAsync(database, cancellationToken)).Patients;
        return new SynchronousProgress<int>(done => ReportProgress(done, patients));
    }

    /// <summary>Adds a line to the closing summary.</summary>
    public void Made(string what, string value) => _outputs.Add(new DemoOutput(what, value));
}

/// <summary>One thing the demo made or found, and where or how much: printed in the closing summary.</summary>
internal sealed record DemoOutput(string What, string Value);

/// <summary>How far one step has come: <see cref="Done"/> of <see cref="Total"/> units (patients, rows, files).</summary>
internal readonly record struct DemoProgress(int StepIndex, double Done, double Total);
