using System.Globalization;
using System.IO.Compression;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// Looks at a workbook's zip package before anything parses it: how many parts, and how big each really
/// is uncompressed (counted while inflating, up to the limit, as the sizes the zip declares can lie).
/// A zip bomb or a part blown up by repetition is refused here in a few megabytes of memory.
/// </summary>
internal static class WorkbookPackageCheck
{
    private const string Advice = "Use the list as it was written, filled in and saved by Excel or LibreOffice.";

    /// <exception cref="WorkedListRefusedException">The package is past a limit.</exception>
    /// <exception cref="InvalidDataException">The file is not a zip package.</exception>
    public static void Check(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > WorkedListLimits.FileBytes)
        {
            throw new WorkedListRefusedException(Invariant($"the file is {length / (1024 * 1024)} MB, more than an outreach list can be ({WorkedListLimits.FileBytes / (1024 * 1024)} MB). {Advice}"));
        }

        using var zip = ZipFile.OpenRead(path);
        if (zip.Entries.Count > WorkedListLimits.ZipEntries)
        {
            throw new WorkedListRefusedException(Invariant($"the workbook has {zip.Entries.Count} parts, more than an outreach list has (at most {WorkedListLimits.ZipEntries}). {Advice}"));
        }

        var total = 0L;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            var limit = IsStreamed(entry.FullName) ? WorkedListLimits.StreamedPartBytes : WorkedListLimits.OtherPartBytes;
            var size = 0L;
            using (var stream = entry.Open())
            {
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    size += read;
                    if (size > limit || total + size > WorkedListLimits.PackageBytes)
                    {
                        throw new WorkedListRefusedException(Invariant($"the part {entry.FullName} of the workbook is more than {Math.Min(limit, WorkedListLimits.PackageBytes) / (1024 * 1024)} MB uncompressed, far more than an outreach list holds. {Advice}"));
                    }
                }
            }

            if (size > WorkedListLimits.RatioCheckedFromBytes && size > (long)WorkedListLimits.CompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                throw new WorkedListRefusedException(Invariant($"the part {entry.FullName} of the workbook is compressed {size / Math.Max(1, entry.CompressedLength)} to 1, as only a blown-up file is (a list compresses about 20 to 1). {Advice}"));
            }

            total += size;
        }
    }

    /// <summary>The parts the reader streams (worksheets, shared strings) may be bigger than those read whole.</summary>
    private static bool IsStreamed(string name) =>
        name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase)
        || (name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && name.Count(c => c == '/') == 2);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
