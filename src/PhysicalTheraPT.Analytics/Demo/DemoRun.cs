namespace PhysicalTheraPT.Analytics.Demo;

/// <summary>
/// <c>ptanalytics demo</c>: runs the registered <see cref="IDemoStep"/>s in order against the configured
/// database (the embedded SQLite file when nothing is configured) and collects what they made. Every step
/// is safe to repeat, so running the demo twice works and leaves the same data.
/// </summary>
internal sealed class DemoRun
{
    private readonly TimeProvider _time;

    public DemoRun(IEnumerable<IDemoStep> steps, TimeProvider time)
    {
        Steps = steps.ToList();
        _time = time;
    }

    public IReadOnlyList<IDemoStep> Steps { get; }

    /// <param name="stepStarting">Called with each step's index before it runs (progress displays open a line).</param>
    public async Task<IReadOnlyList<DemoOutput>> RunAsync(
        IProgress<DemoProgress>? progress, Action<int>? stepStarting, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(_time.GetLocalNow().DateTime);
        var context = new DemoContext(today, AnalyticsPaths.DefaultReportsDirectory, progress);
        for (var index = 0; index < Steps.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            context.StepIndex = index;
            stepStarting?.Invoke(index);
            await Steps[index].RunAsync(context, cancellationToken);
            context.ReportProgress(1, 1);
        }

        return context.Outputs;
    }
}
