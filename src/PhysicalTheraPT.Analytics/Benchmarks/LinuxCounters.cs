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
