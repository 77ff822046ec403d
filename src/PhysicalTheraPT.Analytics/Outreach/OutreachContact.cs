namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>A recorded outcome as the Outreach sheet counts it: who called whom, when, and what happened.</summary>
public sealed record OutreachContact(string ItemId, string ClinicId, string PatientId, OutreachOutcome Outcome, DateOnly On, string StaffInitials);
