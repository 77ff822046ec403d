namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>Everything the Outreach sheet is computed from, for a scope and a span of months.</summary>
public sealed record OutreachActivity(
    IReadOnlyList<OutreachListing> Listings,
    IReadOnlyList<OutreachContact> Contacts,
    IReadOnlyList<MaintenanceBooking> Bookings);
