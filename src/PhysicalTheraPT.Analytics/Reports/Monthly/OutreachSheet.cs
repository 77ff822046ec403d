using System.Globalization;
using ClosedXML.Excel;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;

namespace PhysicalTheraPT.Analytics.Reports.Monthly;

/// <summary>
/// What front desk's calls achieved: month by month, then the report month by clinic and by staff
/// initials. A month that ended less than the attribution window ago is grey: calls recorded late and
/// bookings after its last calls can still change it. The chart goes below.
/// </summary>
internal static class OutreachSheet
{
    public const string Name = "Outreach";

    public const string TrendTable = "OutreachTrend";

    public const string ClinicsTable = "OutreachByClinic";

    public const string StaffTable = "OutreachByStaff";

    public const string Listed = "Listed";

    public const string Contacted = "Contacted";

    public const string Reached = "Reached";

    public const string BookedAfterOutreach = "Booked after outreach";

    public const string Conversion = "Conversion";

    public const string DaysToFirstContact = "Days from listing to first contact (median)";

    public const string WrongNumbers = "Wrong numbers";

    /// <summary>Writes the sheet; returns the first free row, where the chart goes.</summary>
    public static int Write(XLWorkbook workbook, MonthlyReport report)
    {
        var canvas = MonthlySheet.Start(workbook, Name, report, "Outreach: what front desk's calls achieved");
        var outreach = report.Outreach;
        var row = MonthlySheet.FirstContentRow - 1;
        if (outreach is null)
        {
            canvas.Note(row, "Outreach was not counted for this report.");
            MonthlySheet.Finish(canvas, report, MonthlySheet.TitleRows, repeatedHeaderRow: null);
            return row + 2;
        }

        canvas.Note(row++, string.Create(CultureInfo.InvariantCulture,
            $"From the outcomes front desk recorded on the outreach lists. Booked after outreach: a maintenance booking on the day of a call or up to {outreach.AttributionDays} days after it. Grey: not final yet (the month ended less than {outreach.AttributionDays} days ago, so late calls and bookings can still count)."));

        canvas.Heading(row++, "Month by month");
        ReportColumn<OutreachMonth>[] trendColumns =
        [
            new("Month", month => ReportCell.Month(month.Month)),
            new(Listed, month => ReportCell.Count(month.Listed, notFinal: month.Provisional)),
            new(Contacted, month => ReportCell.Count(month.Contacted, notFinal: month.Provisional)),
            new(Reached, month => ReportCell.Count(month.Reached, notFinal: month.Provisional)),
            new(BookedAfterOutreach, month => ReportCell.Count(month.BookedAfterOutreach, notFinal: month.Provisional)),
            new(Conversion, month => NotFinalIf(month.Provisional, ReportCell.Rate(month.Conversion))),
            new(DaysToFirstContact, month => ReportCell.Decimal(month.MedianDaysToFirstContact, notFinal: month.Provisional)),
            new(WrongNumbers, month => ReportCell.Count(month.WrongNumbers, notFinal: month.Provisional)),
        ];
        var trend = canvas.Table(row, 1, TrendTable, trendColumns, [.. outreach.Months.OrderBy(month => month.Month)]);

        row = trend.NextFreeRow;
        canvas.Heading(row++, "By clinic, " + report.Month.LongLabel);
        var provisional = outreach.Months.Any(month => month.Month == report.Month && month.Provisional);
        ReportColumn<OutreachBreakdownLine>[] clinicColumns =
        [
            new("Clinic", line => ReportCell.Of(line.Name)),
            new("Clinic id", line => ReportCell.Of(line.Detail)),
            new(Listed, line => ReportCell.Count(line.Listed, notFinal: provisional)),
            .. Results(provisional),
            new(DaysToFirstContact, line => ReportCell.Decimal(line.MedianDaysToFirstContact, notFinal: provisional)),
            new(WrongNumbers, line => ReportCell.Count(line.WrongNumbers, notFinal: provisional)),
        ];
        var clinics = canvas.Table(row, 1, ClinicsTable, clinicColumns, outreach.ByClinic);

        row = clinics.NextFreeRow;
        canvas.Heading(row++, "By staff, " + report.Month.LongLabel);
        canvas.Note(row++, outreach.ByStaff.Count == 0
            ? "Nobody recorded a call in " + report.Month.LongLabel + "."
            : "By the initials entered on the lists. A booking after outreach counts for whoever made the last call before it.");
        ReportColumn<OutreachBreakdownLine>[] staffColumns =
        [
            new("Staff initials", line => ReportCell.Of(line.Name)),
            new("Clinic", line => ReportCell.Of(line.Detail)),
            .. Results(provisional),
            new(WrongNumbers, line => ReportCell.Count(line.WrongNumbers, notFinal: provisional)),
        ];
        var staff = canvas.Table(row, 1, StaffTable, staffColumns, outreach.ByStaff);

        MonthlySheet.Finish(canvas, report, MonthlySheet.TitleRows, repeatedHeaderRow: null);
        return staff.NextFreeRow + 1;
    }

    private static IEnumerable<ReportColumn<OutreachBreakdownLine>> Results(bool provisional) =>
    [
        new(Contacted, line => ReportCell.Count(line.Contacted, notFinal: provisional)),
        new(Reached, line => ReportCell.Count(line.Reached, notFinal: provisional)),
        new(BookedAfterOutreach, line => ReportCell.Count(line.BookedAfterOutreach, notFinal: provisional)),
        new(Conversion, line => NotFinalIf(provisional, ReportCell.Rate(line.Conversion))),
    ];

    private static ReportCell NotFinalIf(bool notFinal, ReportCell cell) =>
        notFinal && cell.Kind != ReportCellKind.Blank ? cell with { NotFinal = true } : cell;
}
