namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>The rows front desk may call, and why each of the others is held back (by patient id).</summary>
public sealed record OutreachFilterResult<TRow>(IReadOnlyList<TRow> Listed, IReadOnlyDictionary<string, OutreachHold> Held);
