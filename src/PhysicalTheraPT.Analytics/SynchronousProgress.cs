namespace PhysicalTheraPT.Analytics;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls back on the reporting thread, in order. (The framework's
/// <see cref="Progress{T}"/> posts each report to the thread pool, so reports can arrive late and out of order.)
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
