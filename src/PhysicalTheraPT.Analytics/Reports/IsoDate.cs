using System.Globalization;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>Dates as reports print them: <c>yyyy-MM-dd</c>, the same whatever the reader's country.</summary>
public static class IsoDate
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
