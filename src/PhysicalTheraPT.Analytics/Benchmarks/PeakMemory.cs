using System.Diagnostics;
using System.Globalization;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>The process's peak resident memory so far, in MB.</summary>
internal static class PeakMemory
{
    private const string StatusFile = "/proc/self/status";

    /// <summary>
    /// Linux's high-water mark of resident memory (VmHWM), which counts everything the process ever held,
    /// native buffers included; elsewhere .NET's peak working set.
    /// </summary>
    public static double Megabytes()
    {
        if (File.Exists(StatusFile))
        {
            foreach (var line in File.ReadLines(StatusFile))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                    return kilobytes / 1024.0;
                }
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
