using System.Globalization;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// A calendar month as the reports show it. Its own small type (not a DateOnly on the 1st) so a report
/// can never mix a day into what is meant to be a whole month.
/// </summary>
public readonly record struct ReportMonth : IComparable<ReportMonth>
{
    public ReportMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>"Mar 26": the label on chart axes and in the workbook's month cells.</summary>
    public string ShortLabel => FirstDay.ToString("MMM yy", CultureInfo.InvariantCulture);

    /// <summary>"March 2026": titles and sentences.</summary>
    public string LongLabel => FirstDay.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public static ReportMonth Of(DateOnly date) => new(date.Year, date.Month);

    public static bool TryParse(string? text, out ReportMonth month)
    {
        month = default;
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            month = Of(first);
            return true;
        }

        return false;
    }

    public ReportMonth AddMonths(int months) => Of(FirstDay.AddMonths(months));

    public int CompareTo(ReportMonth other) => FirstDay.CompareTo(other.FirstDay);

    public static bool operator <(ReportMonth left, ReportMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportMonth left, ReportMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportMonth left, ReportMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportMonth left, ReportMonth right) => left.CompareTo(right) >= 0;

    /// <summary>"2026-03": file names and machine-readable output.</summary>
    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
