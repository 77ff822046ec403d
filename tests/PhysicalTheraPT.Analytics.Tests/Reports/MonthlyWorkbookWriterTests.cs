using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;
using Xunit.Abstractions;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

public sealed class MonthlyWorkbookWriterTests(ITestOutputHelper output)
{
    [Fact]
    public void Write_PassesTheOpenXmlValidator_WhenReportIsRealistic()
    {
        using var folder = new TemporaryFolder();
        var report = new MonthlyReportBuilder().Build();

        var files = new MonthlyWorkbookWriter(new ReportsOptions()).Write(report, folder.Path);

        output.WriteLine(folder.Path);
        using var workbook = OpenXmlWorkbook.Open(files.WorkbookPath);
        Assert.Empty(workbook.ValidationErrors());
    }
}
