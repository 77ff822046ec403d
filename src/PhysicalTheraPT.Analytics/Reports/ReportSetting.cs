namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>A setting in force for this run, e.g. <c>Retention:GraceDays</c> = 14.</summary>
public sealed record ReportSetting(string Name, string Value);
