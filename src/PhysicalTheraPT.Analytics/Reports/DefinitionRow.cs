namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>One number's exact definition, with the setting that tunes it and the value used for this run.</summary>
public sealed record DefinitionRow(string Name, string Definition, string? Setting, string? Value);
