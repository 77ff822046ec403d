using System.Globalization;

namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>
/// The pair of columns every conversion window gets: converted (grey while the window is open, as it can
/// still grow) and the rate with its 95% interval (the word "maturing" while the window is open, never a
/// low number).
/// </summary>
internal static class ConversionColumns
{
    public static IEnumerable<ReportColumn<TRow>> For<TRow>(IReadOnlyList<int> windows, Func<TRow, int, ConversionCell?> cellOf, int fewPatients)
    {
        foreach (var window in windows)
        {
            yield return new ReportColumn<TRow>(ConvertedHeader(window), row => Converted(cellOf(row, window)));
            yield return new ReportColumn<TRow>(RateHeader(window), row => Rate(cellOf(row, window), fewPatients));
        }
    }

    /// <summary>
    /// Three columns a window: the completions it counts, converted and the rate, for tables whose windows
    /// count fewer completions than the row (a breakdown over several months counts, for each window, only
    /// the months whose window has closed), so every rate can be checked against the counts beside it.
    /// </summary>
    public static IEnumerable<ReportColumn<TRow>> WithCounted<TRow>(IReadOnlyList<int> windows, Func<TRow, int, ConversionCell?> cellOf, int fewPatients)
    {
        foreach (var window in windows)
        {
            yield return new ReportColumn<TRow>(CountedHeader(window), row => Counted(cellOf(row, window)));
            yield return new ReportColumn<TRow>(ConvertedHeader(window), row => Converted(cellOf(row, window)));
            yield return new ReportColumn<TRow>(RateHeader(window), row => Rate(cellOf(row, window), fewPatients));
        }
    }

    public static string CountedHeader(int window) => string.Create(CultureInfo.InvariantCulture, $"Counted for {window} days");

    public static string ConvertedHeader(int window) => string.Create(CultureInfo.InvariantCulture, $"Converted within {window} days");

    public static string RateHeader(int window) => string.Create(CultureInfo.InvariantCulture, $"Rate within {window} days");

    public static ReportCell Counted(ConversionCell? cell) => cell is null ? ReportCell.Blank : ReportCell.Count(cell.Completions, notFinal: cell.Maturing);

    public static ReportCell Converted(ConversionCell? cell) => cell is null ? ReportCell.Blank : ReportCell.Count(cell.Converted, notFinal: cell.Maturing);

    /// <summary>The rate with its 95% interval, "31.7% (24–41%)", marked "few patients" under <paramref name="fewPatients"/> completions.</summary>
    public static ReportCell Rate(ConversionCell? cell, int fewPatients) => cell switch
    {
        null => ReportCell.Blank,
        { Maturing: true } => ReportCell.Maturing,
        _ => ReportCell.Rate(cell.Rate, cell.Interval, cell.HasFewPatients(fewPatients)),
    };
}
