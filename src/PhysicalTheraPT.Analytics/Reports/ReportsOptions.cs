using System.Globalization;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// How reports look and what counts as a change worth a sentence. Bound from the <c>Reports</c>
/// section; every default below is what a fresh install uses.
/// </summary>
internal sealed class ReportsOptions
{
    /// <summary>Chart width in pixels (default 1200): sharp on a laptop screen, fits a landscape page.</summary>
    public int ChartWidth { get; set; } = 1200;

    /// <summary>Chart height in pixels (default 600).</summary>
    public int ChartHeight { get; set; } = 600;

    /// <summary>
    /// Font family for chart text (default DejaVu Sans, which Debian ships as fonts-dejavu-core). It must
    /// be installed: without it the chart library draws charts with no text at all.
    /// </summary>
    public string ChartFont { get; set; } = "DejaVu Sans";

    /// <summary>
    /// The funnel chart labels at most this many clinics, those with the most completions (default 12):
    /// more names than that are unreadable; the Clinics sheet lists them all.
    /// </summary>
    public int ChartMostClinics { get; set; } = 12;

    /// <summary>
    /// A conversion rate gets a "what changed" sentence when it moved by at least this many percentage
    /// points (default 5): big enough to be more than a couple of patients in a typical clinic month.
    /// </summary>
    public double NotableRateChangePoints { get; set; } = 5;

    /// <summary>A count gets a sentence when it moved by at least this percentage (default 10)...</summary>
    public double NotableCountChangePercent { get; set; } = 10;

    /// <summary>...and by at least this many (default 3), so 2 → 3 patients is not news.</summary>
    public int NotableCountChangeMinimum { get; set; } = 3;

    /// <summary>The median visits per episode gets a sentence when it moved by at least this much (default 1).</summary>
    public double NotableMedianChange { get; set; } = 1;

    /// <summary>
    /// A change of a conversion rate is called a rise or a fall only when the two-proportion test gives
    /// p below this (default 0.05); otherwise it is "no clear change (within normal variation)".
    /// </summary>
    public double ChangeSignificance { get; set; } = 0.05;

    /// <summary>A rate resting on fewer completions than this is marked "few patients" (default 20).</summary>
    public int FewPatients { get; set; } = 20;

    /// <summary>At most this many "what changed" sentences (default 6), the largest changes first.</summary>
    public int MaxWhatChangedSentences { get; set; } = 6;

    /// <summary>Throws a <see cref="UserInputException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        RequireRange(nameof(ChartWidth), ChartWidth, 400, 4000);
        RequireRange(nameof(ChartHeight), ChartHeight, 300, 3000);
        if (string.IsNullOrWhiteSpace(ChartFont))
        {
            throw new UserInputException(
                "Setting Reports:ChartFont is blank: name an installed font family, e.g. \"DejaVu Sans\".");
        }

        RequireRange(nameof(ChartMostClinics), ChartMostClinics, 1, 50);
        RequireRange(nameof(NotableRateChangePoints), NotableRateChangePoints, 0.1, 100);
        RequireRange(nameof(NotableCountChangePercent), NotableCountChangePercent, 0.1, 1000);
        RequireRange(nameof(NotableCountChangeMinimum), NotableCountChangeMinimum, 1, 1_000_000);
        RequireRange(nameof(NotableMedianChange), NotableMedianChange, 0.1, 1000);
        RequireRange(nameof(MaxWhatChangedSentences), MaxWhatChangedSentences, 1, 50);
        RequireRange(nameof(ChangeSignificance), ChangeSignificance, 0.0001, 0.5);
        RequireRange(nameof(FewPatients), FewPatients, 1, 10_000);
    }

    private static void RequireRange(string setting, double value, double minimum, double maximum)
    {
        if (double.IsNaN(value) || value < minimum || value > maximum)
        {
            throw new UserInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"Setting Reports:{setting} = {value} is out of range: use a value from {minimum} to {maximum} (in appsettings.json or the environment variable Reports__{setting})."));
        }
    }
}
