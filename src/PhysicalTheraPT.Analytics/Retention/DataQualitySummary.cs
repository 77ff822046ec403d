namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>How often an issue occurred in a scope, with a few example appointment or episode ids.</summary>
public sealed record DataQualitySummary(DataQualityIssue Issue, int Count, IReadOnlyList<string> Examples);
