using System.Globalization;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>
/// What the whole machine has read from its disks so far, in MB: Linux's <c>pgpgin</c>. Machine-wide on
/// purpose: a database server on the same machine reads for the stage too. A stage whose data is in the
/// file cache reads next to nothing; one whose data the system dropped from the cache reads it again.
/// </summary>
internal static class DiskReads
{
    private const string VmStatFile = "/proc/vmstat";
    private const string Counter = "pgpgin ";

    /// <summary>The MB read from disk since boot, or null where the system does not say.</summary>
    public static double? Megabytes()
    {
        if (!File.Exists(VmStatFile))
        {
            return null;
        }

        foreach (var line in File.ReadLines(VmStatFile))
        {
            if (line.StartsWith(Counter, StringComparison.Ordinal))
            {
                // Counted in KB, whatever the page size.
                return long.Parse(line[Counter.Length..], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return null;
    }
}
