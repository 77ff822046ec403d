namespace PhysicalTheraPT.Analytics.Benchmarks;

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
