namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>What one refresh of a clinic's queue changes, and who is to be listed as of its date.</summary>
/// <param name="Opened">New open items.</param>
/// <param name="Closed">Open items that close now, with their reason and date set.</param>
/// <param name="Updated">Open items whose flag, reason or priority changed.</param>
/// <param name="Held">Flagged patients left off the list for now (or for good), by patient id.</param>
/// <param name="Due">Flagged patients to list as of the date, in the order the flags came.</param>
internal sealed record OutreachRefreshPlan(
    IReadOnlyList<OutreachItem> Opened,
    IReadOnlyList<OutreachItem> Closed,
    IReadOnlyList<OutreachItem> Updated,
    IReadOnlyDictionary<string, OutreachHold> Held,
    IReadOnlyList<string> Due);
