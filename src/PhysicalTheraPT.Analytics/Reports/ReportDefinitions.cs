namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>What the Definitions sheet states: every number's definition, the settings used, restatements.</summary>
public sealed record ReportDefinitions(
    IReadOnlyList<DefinitionRow> Definitions,
    IReadOnlyList<ReportSetting> Settings,
    IReadOnlyList<RestatedMonth> RestatedMonths);
