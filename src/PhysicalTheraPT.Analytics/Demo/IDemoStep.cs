namespace PhysicalTheraPT.Analytics.Demo;

/// <summary>
/// One step of <c>ptanalytics demo</c>. A feature joins the demo by adding a step class and registering it
/// in <see cref="AnalyticsServiceCollectionExtensions.AddAnalytics"/>, where the steps are listed in the
/// order they run. A step reports progress through the context and records what it made and where.
/// </summary>
internal interface IDemoStep
{
    /// <summary>What the step does, as the progress display names it ("Seed the clinic history").</summary>
    string Title { get; }

    Task RunAsync(DemoContext context, CancellationToken cancellationToken);
}
