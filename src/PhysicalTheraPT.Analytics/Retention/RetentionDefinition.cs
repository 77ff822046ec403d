namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>One definition in plain words, with the setting behind it and its value in this run.</summary>
/// <param name="Setting">Configuration key such as <c>Retention:GraceDays</c>; null when nothing is configurable.</param>
/// <param name="Value">The setting's value in this run (invariant text); null with no setting.</param>
public sealed record RetentionDefinition(string Name, string Definition, string? Setting, string? Value);
