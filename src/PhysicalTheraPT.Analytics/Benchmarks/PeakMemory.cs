using System.Diagnostics;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>The process's peak resident memory so far, in MB.</summary>
internal static class PeakMemory
{
    /// <summary>
    /// Linux's high-water mark of resident memory (VmHWM), which counts everything the process ever held,
    /// native buffers included; elsewhere .NET's peak working set.
    /// </summary>
    public static double Megabytes()
    {
        if (LinuxCounters.Kilobytes("/proc/self/status", "VmHWM:") is { } kilobytes)
        {
            return kilobytes / 1024.0;
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
