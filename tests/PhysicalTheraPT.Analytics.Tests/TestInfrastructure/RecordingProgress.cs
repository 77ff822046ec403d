namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>Keeps every progress report, in order, on the reporting thread.</summary>
public sealed class RecordingProgress<T> : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value) => Reports.Add(value);
}
