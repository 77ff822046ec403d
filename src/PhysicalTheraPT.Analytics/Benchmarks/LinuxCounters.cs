using System.Diagnostics;
using System.Globalization;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>Reads one "name value [kB]" line of a Linux <c>/proc</c> file, such as <c>VmHWM</c> or <c>pgpgin</c>.</summary>
internal static class LinuxCounters
{
    /// <summary>The counter's value in KB, or null where the file or the counter is not there (not Linux).</summary>
    /// <param name="name">The counter's name as it starts its line, with its separator: "VmHWM:" or "pgpgin ".</param>
    public static long? Kilobytes(string file, string name)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        foreach (var line in File.ReadLines(file))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                return long.Parse(line[name.Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}

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

/// <summary>
/// What the whole machine has read from its disks so far, in MB: Linux's <c>pgpgin</c>. Machine-wide on
/// purpose: a database server on the same machine reads for the stage too. A stage whose data is in the
/// file cache reads next to nothing; one whose data the system dropped from the cache reads it again.
/// </summary>
internal static class DiskReads
{
    /// <summary>The MB read from disk since boot, or null where the system does not say.</summary>
    /// <remarks><c>pgpgin</c> counts KB, whatever the page size.</remarks>
    public static double? Megabytes() => LinuxCounters.Kilobytes("/proc/vmstat", "pgpgin ") / 1024.0;
}
