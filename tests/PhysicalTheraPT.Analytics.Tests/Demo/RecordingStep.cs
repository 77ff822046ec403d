using System.Globalization;
using PhysicalTheraPT.Analytics.Demo;

namespace PhysicalTheraPT.Analytics.Tests.Demo;

/// <summary>A demo step that notes it ran, reports half-way progress and "makes" the demo's today.</summary>
internal sealed class RecordingStep(string name, List<string> ran) : IDemoStep
{
    public string Title => name;

    public Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        ran.Add(name);
        context.ReportProgress(1, 2);
        context.Made(name, context.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }
}
