using System.Globalization;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// The names of the headline measures, one place for the Summary sheet, the trend columns and the
/// "what changed" sentences, so the same number is never called two things.
/// </summary>
public static class MeasureNames
{
    public const string AcuteCompletions = "Acute completions";

    public const string DroppedAfterAcute = "Patients to call: dropped after acute care";

    public const string MaintenanceLapsed = "Patients to call: maintenance lapsed";

    public const string ActiveMaintenancePatients = "Active maintenance patients";

    public const string VisitsPerEpisodeMedian = "Visits per completed episode (median)";

    public static string ConversionWithin(int windowDays) =>
        string.Create(CultureInfo.InvariantCulture, $"Conversion within {windowDays} days");
}
