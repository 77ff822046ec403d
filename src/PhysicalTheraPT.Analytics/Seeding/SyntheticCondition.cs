namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>A reason for an acute phase: the condition and the body region it is filed under.</summary>
internal sealed record SyntheticCondition(string Condition, string BodyRegion);
