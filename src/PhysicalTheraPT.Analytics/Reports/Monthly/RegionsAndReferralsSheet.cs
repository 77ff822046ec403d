using ClosedXML.Excel;

namespace PhysicalTheraPT.Analytics.Reports.Monthly;

/// <summary>Two breakdowns on one sheet: by body region, then by referral source.</summary>
internal static class RegionsAndReferralsSheet
{
    public const string Name = "Regions & referrals";

    public static void Write(XLWorkbook workbook, MonthlyReport report)
    {
        var canvas = MonthlySheet.Start(workbook, Name, report, $"Body regions and referral sources: patients who finished acute care in {report.Breakdowns.PeriodLabel}");
        var row = MonthlySheet.FirstContentRow - 1;
        foreach (var note in BreakdownTable.Notes(report.Breakdowns, report.FewPatients))
        {
            canvas.Note(row++, note);
        }

        canvas.Heading(row++, "By body region");
        var regions = BreakdownTable.Write(canvas, row, "BodyRegions", "Body region", null, report, report.Breakdowns.BodyRegions);
        row = regions.NextFreeRow;
        canvas.Heading(row++, "By referral source");
        BreakdownTable.Write(canvas, row, "ReferralSources", "Referral source", null, report, report.Breakdowns.ReferralSources);
        MonthlySheet.Finish(canvas, report, MonthlySheet.TitleRows, repeatedHeaderRow: null);
    }
}
