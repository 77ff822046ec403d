using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Reports.Monthly;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Reports.Monthly;

/// <summary>
/// Issue 18 in the workbook, read back with the OpenXML SDK: rates with their intervals, "few patients",
/// clinics above, below or in line with the group, and the recurrence comparison with its caveat.
/// </summary>
public sealed class UncertaintySheetsTests : IDisposable
{
    private static readonly CalendarMonth March = new(2026, 3);

    private readonly TemporaryFolder folder = new();
    private readonly MonthlyWorkbookWriter writer = new(new ReportsOptions());

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Write_ShowsEachClinicRateWithItsInterval_AndAboveOrBelowOnlyWhenTheWholeIntervalIsOnOneSide()
    {
        // Group: 150 of 500 (30%). Northside 80/100 lies wholly above, Southside 5/100 wholly below,
        // Eastside 4/10 (17–69%) contains 30%: in line, and on fewer than 20 patients.
        var report = new MonthlyReportBuilder().Build();
        report = report with
        {
            Breakdowns = report.Breakdowns with
            {
                Clinics = [Matured("Northside", 100, 80), Matured("Southside", 100, 5), Matured("Eastside", 10, 4)],
                Group = Matured("All clinics", 500, 150),
            },
        };

        using var workbook = OpenXmlWorkbook.Open(writer.Write(report, folder.Path).WorkbookPath);

        var table = workbook.Table(BreakdownSheet.Clinics, "Clinics");
        var byName = table["Clinic"].Select((cell, index) => (cell!.Text!, index)).ToDictionary(entry => entry.Item1, entry => entry.index);
        var compared = table[BreakdownTable.ComparedHeader(28)];
        Assert.Equal("above the group", compared[byName["Northside"]]!.Text);
        Assert.Equal("below the group", compared[byName["Southside"]]!.Text);
        Assert.Equal("in line with the group", compared[byName["Eastside"]]!.Text);
        var eastside = table["Rate within 28 days"][byName["Eastside"]]!;
        Assert.Equal(0.4, eastside.Number);
        Assert.Equal("0.0%\" (17–69%, few patients)\"", eastside.NumberFormat);
        Assert.Equal("0.0%\" (71–87%)\"", table["Rate within 28 days"][byName["Northside"]]!.NumberFormat);
    }

    [Fact]
    public void Write_ShowsBothRecurrenceGroupsWithIntervals_AndSaysItIsAnAssociationNotProof()
    {
        var report = new MonthlyReportBuilder().Build();

        using var workbook = OpenXmlWorkbook.Open(writer.Write(report, folder.Path).WorkbookPath);

        var table = workbook.Table(RecurrenceSheet.Name, RecurrenceSheet.TableName);
        Assert.Equal(["Converted within 28 days", "Not converted within 28 days"], table["Group"].Select(cell => cell!.Text));
        Assert.Equal([80.0, 240.0], table["Patients"].Select(cell => cell!.Number!.Value));
        var converted = report.Recurrence.All.Converted;
        var share = table["Back within 365 days (95% interval)"][0]!;
        Assert.Equal(converted.BackWithinYear!.Value, share.Number!.Value, 12);
        Assert.Equal("0.0%\" (" + RateText.Interval(converted.Interval!.Value) + ")\"", share.NumberFormat);
        var texts = workbook.Cells(RecurrenceSheet.Name).Values.Select(cell => cell.Text).OfType<string>().ToList();
        Assert.Contains(texts, text => text.Contains("an association, not proof", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.StartsWith("Back within 28 days (in neither group): 9.", StringComparison.Ordinal));
        var byEndType = workbook.Table(RecurrenceSheet.Name, RecurrenceSheet.ByEndTypeTable);
        Assert.Equal(["All end types", "Goals met"], byEndType["End type"].Select(cell => cell!.Text));
        Assert.Equal("0.0123", byEndType["Log-rank p"][0]!.Text);
        Assert.StartsWith("No clear difference", byEndType["Reading"][1]!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SaysNoClearChange_InTheSummary_WhenARateMovedWithinNormalVariation()
    {
        // Jan 2026 4 of 12 against Feb 2026 7 of 12: a 25-point move on 12 patients, p = 0.21.
        var builder = new MonthlyReportBuilder();
        var report = builder.Build();
        var trend = report.Trend.Select(month => month.Month == new CalendarMonth(2026, 1) ? WithConversion(month, 12, 4)
            : month.Month == new CalendarMonth(2026, 2) ? WithConversion(month, 12, 7)
            : month.Month > new CalendarMonth(2026, 2) ? month : WithConversion(month, 12, 4)).ToList();
        var changes = MetricChangeFinder.Find(null, March, trend, [28]);
        report = report with
        {
            Trend = trend,
            Summary = ReportSummaryBuilder.Build(March, report.AsOf, trend, [28], new WhatChangedWriter(new ReportsOptions()).Write(March, changes)),
        };

        using var workbook = OpenXmlWorkbook.Open(writer.Write(report, folder.Path).WorkbookPath);

        var headlines = workbook.Table(SummarySheet.Name, SummarySheet.HeadlinesTable);
        var conversionRow = headlines["Measure"].ToList().FindIndex(cell => cell?.Text == MeasureNames.ConversionWithin(28));
        Assert.Equal("no clear change (within normal variation)", headlines["Change"][conversionRow]!.Text);
        var texts = workbook.Cells(SummarySheet.Name).Values.Select(cell => cell.Text).OfType<string>().ToList();
        Assert.Contains(texts, text => text.StartsWith("• Conversion within 28 days: no clear change (within normal variation), 33% then 58%", StringComparison.Ordinal));
    }

    private static TrendMonth WithConversion(TrendMonth month, int completions, int converted) =>
        month with { Conversions = [ConversionCell.Matured(28, completions, converted), .. month.Conversions.Where(cell => cell.WindowDays != 28)] };

    private static BreakdownLine Matured(string name, int completions, int converted) =>
        new(name, null, completions, [ConversionCell.Matured(28, completions, converted), ConversionCell.Matured(60, completions, converted), ConversionCell.Matured(90, completions, converted)]);
}
