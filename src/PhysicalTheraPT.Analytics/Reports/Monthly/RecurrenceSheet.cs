using System.Globalization;
using ClosedXML.Excel;
using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports.Monthly;

/// <summary>
/// Does maintenance keep people out of the next injury: the share back with a new episode within a year,
/// converted against not converted, with intervals, the log-rank test and, beside it, the same comparison
/// within each end type; and in words what such a comparison can and cannot tell.
/// </summary>
internal static class RecurrenceSheet
{
    public const string Name = "Recurrence";
    public const string TableName = "Recurrence";
    public const string ByEndTypeTable = "RecurrenceByEndType";

    public const string AssociationNotProof =
        "Patients who choose maintenance differ from those who do not (in how they recovered, their motivation, their time and money), "
        + "so a difference between the groups is an association, not proof that maintenance prevents re-injury. "
        + "The comparison within each end type below shows whether the gap holds among like patients.";

    public static void Write(XLWorkbook workbook, MonthlyReport report)
    {
        var recurrence = report.Recurrence;
        var canvas = MonthlySheet.Start(workbook, Name, report, "Recurrence: does maintenance keep patients out of the next injury?");
        var row = MonthlySheet.FirstContentRow - 1;
        canvas.Note(row++, Who(recurrence));
        canvas.Heading(row++, "All patients");
        var all = recurrence.All;
        (string Group, RecurrenceSide Side)[] groups =
        [
            (string.Create(CultureInfo.InvariantCulture, $"Converted within {recurrence.LandmarkDays} days"), all.Converted),
            (string.Create(CultureInfo.InvariantCulture, $"Not converted within {recurrence.LandmarkDays} days"), all.NotConverted),
        ];
        var year = string.Create(CultureInfo.InvariantCulture, $"Back within {recurrence.WindowDays} days");
        ReportColumn<(string Group, RecurrenceSide Side)>[] columns =
        [
            new("Group", line => ReportCell.Of(line.Group)),
            new("Patients", line => ReportCell.Count(line.Side.Patients)),
            new("New episodes seen", line => ReportCell.Count(line.Side.NewEpisodes)),
            new(year + " (95% interval)", line => ReportCell.Rate(line.Side.BackWithinYear, line.Side.Interval, line.Side.Patients > 0 && line.Side.Patients < report.FewPatients)),
        ];
        var table = canvas.Table(row, 1, TableName, columns, groups);
        row = table.NextFreeRow - 1;
        canvas.Note(row++, string.Create(CultureInfo.InvariantCulture,
            $"Back within {recurrence.LandmarkDays} days (in neither group): {all.BackWithinLandmark:#,##0}. ") + Verdict(all, recurrence, report.ChangeSignificance));
        canvas.Note(row++, AssociationNotProof);
        row++;

        canvas.Heading(row++, "Within each end type");
        ReportColumn<RecurrenceRow>[] byEndType =
        [
            new("End type", line => ReportCell.Of(line.Label)),
            new("Converted: patients", line => ReportCell.Count(line.Converted.Patients)),
            new("Converted: " + year.ToLowerInvariant(), line => SideRate(line.Converted, report.FewPatients)),
            new("Not converted: patients", line => ReportCell.Count(line.NotConverted.Patients)),
            new("Not converted: " + year.ToLowerInvariant(), line => SideRate(line.NotConverted, report.FewPatients)),
            new(string.Create(CultureInfo.InvariantCulture, $"Back within {recurrence.LandmarkDays} days"), line => ReportCell.Count(line.BackWithinLandmark)),
            new("Log-rank p", line => ReportCell.Of(line.LogRankP is { } p ? P(p) : null)),
            new("Reading", line => ReportCell.Of(Reading(line, report.ChangeSignificance)), Wrap: true),
        ];
        canvas.Table(row, 1, ByEndTypeTable, byEndType, [all, .. recurrence.ByEndType]);
        MonthlySheet.Finish(canvas, report, MonthlySheet.TitleRows, repeatedHeaderRow: null);
    }

    /// <summary>Who is counted, in one sentence.</summary>
    public static string Who(RecurrenceReport recurrence) => string.Create(
        CultureInfo.InvariantCulture,
        $"Patients who finished acute care from {recurrence.FirstCompletionMonth.LongLabel} to {recurrence.LastCompletionMonth.LongLabel} and were {recurrence.LandmarkDays} days past it, "
        + $"followed to the start of their next episode (at most {recurrence.FollowUpDays} days; Kaplan–Meier, so those not followed a whole year yet still count for the time they were followed).");

    /// <summary>What the comparison says, in words a manager reads.</summary>
    public static string Verdict(RecurrenceRow row, RecurrenceReport recurrence, double significance)
    {
        if (row.Converted.BackWithinYear is not { } converted || row.NotConverted.BackWithinYear is not { } notConverted)
        {
            return "Too few patients in one of the groups to compare.";
        }

        var shares = string.Create(CultureInfo.InvariantCulture,
            $"Back with a new episode within {recurrence.WindowDays} days: {RateText.WithInterval(converted, row.Converted.Interval)} of those who converted, {RateText.WithInterval(notConverted, row.NotConverted.Interval)} of those who did not. ");
        return shares + Reading(row, significance);
    }

    private static string Reading(RecurrenceRow row, double significance) => row.LogRankP switch
    {
        null => "Nothing to compare yet.",
        { } p when p < significance && row.Converted.BackWithinYear < row.NotConverted.BackWithinYear
            => string.Create(CultureInfo.InvariantCulture, $"Converted patients came back less often: more than chance would explain (log-rank p = {P(p)})."),
        { } p when p < significance
            => string.Create(CultureInfo.InvariantCulture, $"The groups differ by more than chance (log-rank p = {P(p)}), but converted patients did not come back less often within the year: read the chart."),
        { } p => string.Create(CultureInfo.InvariantCulture, $"No clear difference (log-rank p = {P(p)}, within normal variation)."),
    };

    /// <summary>A p-value to four decimals, "&lt;0.0001" below that.</summary>
    public static string P(double p) => p < 0.0001 ? "<0.0001" : p.ToString("0.####", CultureInfo.InvariantCulture);

    private static ReportCell SideRate(RecurrenceSide side, int fewPatients) =>
        ReportCell.Rate(side.BackWithinYear, side.Interval, side.Patients > 0 && side.Patients < fewPatients);
}
