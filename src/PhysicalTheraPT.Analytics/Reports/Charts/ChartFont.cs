using ScottPlot;
using SkiaSharp;

namespace PhysicalTheraPT.Analytics.Reports.Charts;

/// <summary>
/// Makes the chart library use an installed font. It takes the first family it finds unless told, and
/// with no font at all it draws charts without any text and reports nothing, so a missing font must be
/// an error that says how to fix it.
/// </summary>
internal static class ChartFont
{
    private static readonly Lock Gate = new();

    public static void Use(string family)
    {
        var installed = SKFontManager.Default.FontFamilies.ToList();
        if (!installed.Contains(family, StringComparer.OrdinalIgnoreCase))
        {
            var available = installed.Count == 0 ? "no fonts at all" : "only " + string.Join(", ", installed.Order(StringComparer.Ordinal));
            throw new UserInputException(
                $"Charts need the font \"{family}\", which is not installed (this machine has {available}). " +
                "Install it (Debian/Ubuntu: apt-get install fonts-dejavu-core) or set Reports:ChartFont to an installed font family.");
        }

        // Fonts.Default is global to the chart library: set it under a lock so two reports rendered at
        // once do not interleave, and only when it differs.
        lock (Gate)
        {
            if (!string.Equals(Fonts.Default, family, StringComparison.Ordinal))
            {
                Fonts.Default = family;
            }
        }
    }
}
