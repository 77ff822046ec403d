using PhysicalTheraPT.Analytics.Reports.Spreadsheets;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports.Monthly;

/// <summary>
/// The first sheet a manager opens: what changed in plain sentences, the headline numbers beside the
/// month before and the 12-month median, and the latest matured cohort of each window. Charts go below.
/// </summary>
internal static class SummarySheet
{
    public const string Name = "Summary";

    public const string HeadlinesTable = "Headlines";

    public const string MaturedCohortsTable = "LatestMaturedCohorts";

    /// <summary>Writes the sheet; returns the first free row, where the charts go.</summary>
    public static int Write(ClosedXML.Excel.XLWorkbook workbook, MonthlyReport report)
    {
        var canvas = MonthlySheet.Start(workbook, Name, report, "Retention report: " + report.Month.LongLabel);
        var row = MonthlySheet.FirstContentRow;

        canvas.Heading(row++, "What changed");
        foreach (var sentence in report.Summary.WhatChanged)
        {
            canvas.Put(row++, 1, ReportCell.Of("• " + sentence), measure: false);
        }

        row++;
        canvas.Heading(row++, "Headline numbers");
        canvas.Note(row++, "Grey italic: not final yet. Provisional months can still grow; conversion is shown for the latest month whose window has closed.");
        var headlines = canvas.Table(row, 1, HeadlinesTable, HeadlineColumns, report.Summary.Headlines);

        row = headlines.NextFreeRow;
        canvas.Heading(row++, "Latest matured cohorts");
        canvas.Note(row++, "For each window, the latest month of patients finishing acute care whose window has fully passed.");
        var cohorts = canvas.Table(row, 1, MaturedCohortsTable, CohortColumns, [.. report.Summary.LatestMaturedCohorts.OrderBy(cohort => cohort.WindowDays)]);

        MonthlySheet.Finish(canvas, report, MonthlySheet.TitleRows, repeatedHeaderRow: null);
        return cohorts.NextFreeRow + 1;
    }

    private static readonly ReportColumn<HeadlineNumber>[] HeadlineColumns =
    [
        new("Measure", headline => ReportCell.Of(headline.Measure)),
        new("Month", headline => ReportCell.Month(headline.ValueMonth)),
        new("Value", headline => headline.Provisional ? NotFinal(ReportCell.Value(headline.Unit, headline.Value)) : ReportCell.Value(headline.Unit, headline.Value)),
        new("Month before", headline => ReportCell.Value(headline.Unit, headline.MonthBefore)),
        new("12-month median", headline => ReportCell.Value(headline.Unit, headline.TwelveMonthMedian)),
        new("Change", headline => ReportCell.Of(DirectionText(headline.Direction))),
        new("Note", headline => ReportCell.Of(headline.Note), Wrap: true),
    ];

    private static readonly ReportColumn<MaturedCohort>[] CohortColumns =
    [
        new("Window (days)", cohort => ReportCell.Count(cohort.WindowDays)),
        new("Cohort month", cohort => cohort.CohortMonth is null ? ReportCell.Of("none matured yet") : ReportCell.Month(cohort.CohortMonth)),
        new("Completions", cohort => ReportCell.Count(cohort.Completions)),
        new("Converted", cohort => ReportCell.Count(cohort.Converted)),
        new("Rate (95% interval)", cohort => ReportCell.Rate(cohort.Rate, cohort.Rate is null ? null : Proportions.Wilson(cohort.Converted, cohort.Completions), false)),
    ];

    private static ReportCell NotFinal(ReportCell cell) => cell.Kind == ReportCellKind.Blank ? cell : cell with { NotFinal = true };

    private static string DirectionText(ChangeDirection direction) => direction switch
    {
        ChangeDirection.Up => "up",
        ChangeDirection.Down => "down",
        ChangeDirection.Unchanged => "no change",
        ChangeDirection.NoClearChange => ConversionChange.NoClearChange,
        _ => "",
    };
}
