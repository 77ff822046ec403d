using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Reports.Monthly;

/// <summary>The Outreach sheet of the monthly workbook, read back with the OpenXML SDK.</summary>
public sealed class OutreachSheetTests(DefaultMonthlyWorkbook written) : IClassFixture<DefaultMonthlyWorkbook>
{
    private const string Sheet = "Outreach";

    [Fact]
    public void Write_ShowsTheMonthsAsNumbers_WithProvisionalBookingsGrey()
    {
        var outreach = written.Report.Outreach!;

        using var workbook = written.Open();

        var table = workbook.Table(Sheet, "OutreachTrend");
        Assert.Equal(12, table["Month"].Count);
        for (var index = 0; index < 12; index++)
        {
            var month = outreach.Months[index];
            Assert.Equal(month.Listed, table["Listed"][index]!.Number);
            Assert.Equal(month.Contacted, table["Contacted"][index]!.Number);
            Assert.Equal(month.Reached, table["Reached"][index]!.Number);
            Assert.Equal(month.BookedAfterOutreach, table["Booked after outreach"][index]!.Number);
            Assert.Equal("#,##0", table["Contacted"][index]!.NumberFormat);
            Assert.Equal(month.Conversion!.Value, table["Conversion"][index]!.Number!.Value, 9);
            Assert.Equal("0.0%", table["Conversion"][index]!.NumberFormat);
            Assert.Equal(month.Provisional ? "FFEDEDED" : null, table["Booked after outreach"][index]!.FillRgb);
        }

        Assert.True(outreach.Months[^1].Provisional, "the report month's last calls still have their window open");
        Assert.False(outreach.Months[0].Provisional);
    }

    [Fact]
    public void Write_BreaksTheReportMonthDownByClinicAndByStaff()
    {
        var outreach = written.Report.Outreach!;

        using var workbook = written.Open();

        var clinics = workbook.Table(Sheet, "OutreachByClinic");
        Assert.Equal(outreach.ByClinic.Select(line => line.Name), clinics["Clinic"].Select(cell => cell!.Text));
        Assert.Equal(outreach.ByClinic.Select(line => (double?)line.Listed), clinics["Listed"].Select(cell => cell!.Number));
        var staff = workbook.Table(Sheet, "OutreachByStaff");
        Assert.Equal(["JD", "AB", "MK"], staff["Staff initials"].Select(cell => cell!.Text));
        Assert.Equal([5.0, 1, 3], staff["Booked after outreach"].Select(cell => cell!.Number!.Value));
        Assert.False(staff.ContainsKey("Listed"));
    }

    [Fact]
    public void Write_AddsTheOutreachDefinitionsSettingsAndWrongNumbers()
    {
        using var workbook = written.Open();

        var definitions = workbook.Table("Definitions", "Definitions");
        Assert.Contains("Outreach: booked after outreach", definitions["Measure"].Select(cell => cell?.Text));
        var settings = workbook.Table("Definitions", "Settings");
        var attribution = settings["Setting"].ToList().FindIndex(cell => cell?.Text == "Outreach:AttributionDays");
        Assert.Equal(14, settings["Value"][attribution]!.Number);
        var quality = workbook.Table("Data quality", "DataQuality");
        var wrong = quality["Kind"].ToList().FindIndex(cell => cell?.Text == OutreachReport.WrongContactDetailsKind);
        Assert.Equal(2, quality["Count"][wrong]!.Number);
        Assert.Equal("P000901, P000902", quality["Examples"][wrong]!.Text);
    }

    [Fact]
    public void Write_SaysSoAndStaysValid_WhenOutreachWasNotCounted()
    {
        using var folder = new TemporaryFolder();
        var report = new MonthlyReportBuilder().WithOutreach(null).Build();

        var files = new MonthlyWorkbookWriter(new ReportsOptions()).Write(report, folder.Path);

        using var workbook = OpenXmlWorkbook.Open(files.WorkbookPath);
        Assert.Contains(workbook.Cells(Sheet).Values, cell => cell.Text == "Outreach was not counted for this report.");
        Assert.Empty(workbook.ValidationErrors());
    }
}
