namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>The enumerated values of the import contract (README, "The data contract"), as the CSV and tables spell them.</summary>
internal static class ContractValues
{
    public const string PhysicalTherapy = "pt";
    public const string RecoveryMassage = "recovery_massage";
    public const string MaintenanceMassage = "maintenance_massage";

    public const string Booked = "booked";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string NoShow = "no_show";

    public const string PhysicalTherapyDiscipline = "physical_therapy";
    public const string MassageTherapyDiscipline = "massage_therapy";

    public const string GoalsMet = "goals_met";
    public const string SelfDischarged = "self_discharged";
    public const string ReferredOut = "referred_out";
    public const string OtherReason = "other";
}
