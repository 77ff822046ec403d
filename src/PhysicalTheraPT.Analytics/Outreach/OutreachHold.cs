namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>A flagged patient held off the list: why, and the first day they may be listed again (null: never).</summary>
public sealed record OutreachHold(OutreachHoldReason Reason, DateOnly? Until);
