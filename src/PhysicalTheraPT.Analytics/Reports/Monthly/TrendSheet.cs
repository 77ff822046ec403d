using PhysicalTheraPT.Analytics.Reports.Spreadsheets;

namespace PhysicalTheraPT.Analytics.Reports.Monthly;

/// <summary>Twelve months of the headline numbers, one row per month, oldest first. Charts go below.</summary>
internal static class TrendSheet
{
    public const string Name = "Trend";

    public const string TableName = "Trend";

    public const string ProvisionalText = "provisional";

    /// <summary>Writes the sheet; returns the first free row, where the charts go.</summary>
    public static int Write(ClosedXML.Excel.XLWorkbook workbook, MonthlyReport report)
    {
        var canvas = MonthlySheet.Start(workbook, Name, report, "Trend: the 12 months to " + report.Month.LongLabel);
        canvas.Note(MonthlySheet.FirstContentRow - 1,
            "Grey italic: not final yet. A provisional month's completions can still grow; \"maturing\" means the window has not closed, so its rate is not known yet.");
        var months = ReportSummaryBuilder.LastTwelve(report.Month, report.Trend);
        var endTypes = EndTypeLabels.InDisplayOrder(months.SelectMany(month => month.CompletionsByEndType.Keys));

        List<ReportColumn<TrendMonth>> columns =
        [
            new("Month", month => ReportCell.Month(month.Month)),
            new("Status", month => ReportCell.Of(month.Provisional ? ProvisionalText : null)),
            new(MeasureNames.AcuteCompletions, month => ReportCell.Count(month.AcuteCompletions, notFinal: month.Provisional)),
            .. endTypes.Select(type => new ReportColumn<TrendMonth>(
                EndTypeLabels.Label(type), month => ReportCell.Count(month.CompletionsByEndType.GetValueOrDefault(type), notFinal: month.Provisional))),
            .. ConversionColumns.For<TrendMonth>(report.ConversionWindows, (month, window) => month.Conversion(window), report.FewPatients),
            new(MeasureNames.ActiveMaintenancePatients, month => ReportCell.Count(month.ActiveMaintenancePatients)),
            new("Visits per episode (median)", month => ReportCell.Decimal(month.VisitsPerEpisodeMedian, notFinal: month.Provisional)),
            new("Dropped after acute care", month => ReportCell.Count(month.DroppedAfterAcute)),
            new("Maintenance lapsed", month => ReportCell.Count(month.MaintenanceLapsed)),
        ];

        var table = canvas.Table(MonthlySheet.FirstContentRow, 1, TableName, columns, months);
        MonthlySheet.Finish(canvas, report, table.HeaderRow);
        return table.NextFreeRow + 1;
    }
}
