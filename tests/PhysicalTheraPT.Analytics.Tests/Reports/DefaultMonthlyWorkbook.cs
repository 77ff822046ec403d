using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Reports;

/// <summary>
/// The default realistic report written once for all the tests that only read it: drawing six charts
/// is the slow part of writing a workbook.
/// </summary>
public sealed class DefaultMonthlyWorkbook : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public DefaultMonthlyWorkbook()
    {
        Report = new MonthlyReportBuilder().Build();
        Files = new MonthlyWorkbookWriter(new ReportsOptions()).Write(Report, folder.Path);
    }

    internal MonthlyReport Report { get; }

    internal MonthlyReportFiles Files { get; }

    public string Folder => folder.Path;

    internal OpenXmlWorkbook Open() => OpenXmlWorkbook.Open(Files.WorkbookPath);

    public void Dispose() => folder.Dispose();
}
