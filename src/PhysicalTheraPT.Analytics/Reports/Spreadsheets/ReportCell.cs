using System.Globalization;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports.Spreadsheets;

/// <summary>
/// One cell of a report table, typed: numbers and dates are stored as numbers with a number format,
/// text as text (never parsed, so an id such as 00123 or a name starting with "=" stays exactly as
/// written). <see cref="NotFinal"/> shows the value in the neutral "not final yet" style.
/// </summary>
internal readonly record struct ReportCell(ReportCellKind Kind, string? Text, double Number, bool NotFinal)
{
    /// <summary>
    /// Words shown after a number, such as a rate's interval " (24–41%)": part of the cell's number
    /// format, so the cell stays a number (sorts, sums, reads back) while it reads "31.7% (24–41%)".
    /// </summary>
    public string? Suffix { get; init; }

    public const string MaturingText = "maturing";

    public static ReportCell Blank { get; } = new(ReportCellKind.Blank, null, 0, false);

    public static ReportCell Maturing { get; } = new(ReportCellKind.Maturing, MaturingText, 0, true);

    public static ReportCell Of(string? text) => string.IsNullOrEmpty(text) ? Blank : new(ReportCellKind.Text, text, 0, false);

    public static ReportCell Count(int? value, bool notFinal = false) =>
        value is null ? Blank : new(ReportCellKind.Count, null, value.Value, notFinal);

    public static ReportCell Rate(double? value) => value is null ? Blank : new(ReportCellKind.Rate, null, value.Value, false);

    /// <summary>A rate with its 95% interval after it, "31.7% (24–41%)", and "few patients" when it rests on fewer than the threshold.</summary>
    public static ReportCell Rate(double? value, RateInterval? interval, bool fewPatients) =>
        value is null ? Blank : Rate(value) with { Suffix = RateText.IntervalSuffix(interval, fewPatients) };

    public static ReportCell Decimal(double? value, bool notFinal = false) =>
        value is null ? Blank : new(ReportCellKind.Decimal, null, value.Value, notFinal);

    public static ReportCell Date(DateOnly? value) =>
        value is null ? Blank : new(ReportCellKind.Date, null, value.Value.ToDateTime(TimeOnly.MinValue).ToOADate(), false);

    public static ReportCell Month(CalendarMonth? value, bool notFinal = false) =>
        value is null ? Blank : new(ReportCellKind.Month, null, value.Value.FirstDay.ToDateTime(TimeOnly.MinValue).ToOADate(), notFinal);

    /// <summary>A setting's value: a number when it reads as one (so it is stored as a number), else text.</summary>
    public static ReportCell NumberOrText(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? new(ReportCellKind.Number, null, number, false)
            : Of(text);

    /// <summary>A value of the given unit (the headline numbers mix counts, rates and medians in one column).</summary>
    public static ReportCell Value(ValueUnit unit, double? value) => unit switch
    {
        ValueUnit.Rate => Rate(value),
        ValueUnit.Decimal => Decimal(value),
        _ => value is null ? Blank : new(ReportCellKind.Count, null, value.Value, false),
    };

    /// <summary>Stored as text; every other kind but blank is stored as a number.</summary>
    public bool IsText => Kind is ReportCellKind.Text or ReportCellKind.Maturing;

    /// <summary>
    /// The text a spreadsheet program shows, approximately: used only to size columns, because the
    /// library's own auto-fit needs a native graphics library these machines do not have.
    /// </summary>
    public string DisplayText => Kind switch
    {
        ReportCellKind.Blank => "",
        ReportCellKind.Text or ReportCellKind.Maturing => Text ?? "",
        ReportCellKind.Count => Number.ToString("#,##0", CultureInfo.InvariantCulture),
        ReportCellKind.Rate => (Number * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" + Suffix,
        ReportCellKind.Decimal => Number.ToString("0.0", CultureInfo.InvariantCulture),
        ReportCellKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        ReportCellKind.Date => "2026-12-31",
        ReportCellKind.Month => "Dec 26",
        _ => "",
    };
}

/// <summary>What a cell holds, which decides how it is stored (number or text) and formatted.</summary>
internal enum ReportCellKind
{
    Blank,
    Text,
    Count,
    Rate,
    Decimal,

    /// <summary>A number shown as it is (settings such as 1.5 or 365).</summary>
    Number,
    Date,
    Month,

    /// <summary>A rate whose window is still open: the word "maturing" in the neutral style, never a number.</summary>
    Maturing,
}

/// <summary>
/// What decides a report cell's look within its column: its number format and whether it is shown as
/// not final. Two cells of one column with the same key get the same style, so a streamed row can take
/// its style from a template cell of the same key.
/// </summary>
internal readonly record struct CellStyleKey(string? NumberFormat, bool NotFinal)
{
    public static CellStyleKey Of(ReportCell cell) => new(NumberFormats.For(cell.Kind, cell.Suffix), cell.NotFinal);
}

/// <summary>The number formats of every workbook: one per kind of value, so a rate always looks like a rate.</summary>
internal static class NumberFormats
{
    public const string Count = "#,##0";

    public const string Rate = "0.0%";

    public const string Decimal = "0.0";

    public const string Number = "General";

    /// <summary>ISO dates: unambiguous whichever country the reader is in.</summary>
    public const string Date = "yyyy-mm-dd";

    /// <summary>"Mar 26", as on the chart axes.</summary>
    public const string Month = "mmm yy";

    /// <summary>The kind's format with <paramref name="suffix"/> as literal text after the number.</summary>
    public static string? For(ReportCellKind kind, string? suffix) =>
        suffix is null || For(kind) is not { } format ? For(kind) : format + "\"" + suffix.Replace("\"", "", StringComparison.Ordinal) + "\"";

    public static string? For(ReportCellKind kind) => kind switch
    {
        ReportCellKind.Count => Count,
        ReportCellKind.Rate => Rate,
        ReportCellKind.Decimal => Decimal,
        ReportCellKind.Number => Number,
        ReportCellKind.Date => Date,
        ReportCellKind.Month => Month,
        _ => null,
    };
}
