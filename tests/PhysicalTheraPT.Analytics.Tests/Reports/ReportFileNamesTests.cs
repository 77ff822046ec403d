using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

public sealed class ReportFileNamesTests
{
    [Fact]
    public void OutreachList_NamesTheFileByClinicAndDate()
    {
        Assert.Equal("outreach-C01-2026-04-01.xlsx", ReportFileNames.OutreachList("C01", new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void OutreachList_ReplacesCharactersThatCouldLeaveTheFolder_WhenClinicIdHasThem()
    {
        Assert.Equal("outreach-___x_y-2026-04-01.xlsx", ReportFileNames.OutreachList("../x/y", new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void MonthlyStem_AddsTheClinic_OnlyForAOneClinicReport()
    {
        Assert.Equal("retention-2026-03", ReportFileNames.MonthlyStem(ReportScope.AllClinics, new CalendarMonth(2026, 3)));
        Assert.Equal("retention-2026-03-C_01", ReportFileNames.MonthlyStem(ReportScope.Clinic("C 01", "Eastside"), new CalendarMonth(2026, 3)));
    }
}
