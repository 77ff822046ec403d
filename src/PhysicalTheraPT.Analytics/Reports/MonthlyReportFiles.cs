namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>What a monthly report run wrote: the workbook and the chart images beside it.</summary>
public sealed record MonthlyReportFiles(string WorkbookPath, IReadOnlyList<string> ChartPaths);
