namespace PhysicalTheraPT.Analytics.Cli;

/// <summary>
/// Reports progress on the caller's thread, in order. <see cref="Progress{T}"/> would post each report to
/// the thread pool, where an older count can land after a newer one.
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
