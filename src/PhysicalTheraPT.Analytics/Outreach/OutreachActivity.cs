namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>Everything the Outreach sheet is computed from, for a scope and a span of months.</summary>
internal sealed record OutreachActivity(
    IReadOnlyList<OutreachListing> Listings,
    IReadOnlyList<OutreachContact> Contacts,
    IReadOnlyList<MaintenanceBooking> Bookings);

/// <summary>An item as the Outreach sheet counts it: when it was listed and when front desk first recorded an outcome for it.</summary>
internal sealed record OutreachListing(string ItemId, string ClinicId, string PatientId, DateOnly FirstListed, DateOnly? FirstContactOn);

/// <summary>A recorded outcome as the Outreach sheet counts it: who called whom, when, and what happened.</summary>
internal sealed record OutreachContact(string ItemId, string ClinicId, string PatientId, OutreachOutcome Outcome, DateOnly On, string StaffInitials);

/// <summary>A maintenance appointment (booked or kept) and the clinic-local day it was booked on.</summary>
internal sealed record MaintenanceBooking(string PatientId, DateOnly BookedOn);
