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

    /// <summary>Progress over <paramref name="total"/> units, for a service that counts what it has done (patients read).</summary>
    public IProgress<int> ProgressOver(double total) => new SynchronousProgress<int>(done => ReportProgress(done, total));

    /// <summary>Adds a line to the closing summary.</summary>
    public void Made(string what, string value) => _outputs.Add(new DemoOutput(what, value));
}
