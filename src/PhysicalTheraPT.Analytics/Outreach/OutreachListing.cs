namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>An item as the Outreach sheet counts it: when it was listed and when front desk first recorded an outcome for it.</summary>
public sealed record OutreachListing(string ItemId, string ClinicId, string PatientId, DateOnly FirstListed, DateOnly? FirstContactOn);
