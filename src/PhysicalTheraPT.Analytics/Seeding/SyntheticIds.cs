using System.Globalization;

namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// The readable ids of generated rows: clinic C01; providers C01-PT01 (physical therapists) and C01-MT01
/// (massage therapists); patient C01-P000123; that patient's episodes C01-E000123-01 and appointments
/// C01-A000123-0001. Numbers have a fixed width, so within one prefix text order is number order.
/// </summary>
internal static class SyntheticIds
{
    public static string Clinic(int clinicNumber) => Format($"C{clinicNumber:D2}");

    public static string ProviderPrefix(string clinicId, string discipline) =>
        $"{clinicId}-{(discipline == ContractValues.PhysicalTherapyDiscipline ? "PT" : "MT")}";

    public static string Provider(string clinicId, string discipline, int providerNumber) =>
        Format($"{ProviderPrefix(clinicId, discipline)}{providerNumber:D2}");

    public static string PatientPrefix(string clinicId) => $"{clinicId}-P";

    public static string Patient(string clinicId, int patientNumber) => Format($"{PatientPrefix(clinicId)}{patientNumber:D6}");

    public static string EpisodePrefix(string clinicId, int patientNumber) => Format($"{clinicId}-E{patientNumber:D6}-");

    public static string Episode(string clinicId, int patientNumber, int episodeNumber) =>
        Format($"{EpisodePrefix(clinicId, patientNumber)}{episodeNumber:D2}");

    public static string AppointmentPrefix(string clinicId, int patientNumber) => Format($"{clinicId}-A{patientNumber:D6}-");

    public static string Appointment(string clinicId, int patientNumber, int appointmentNumber) =>
        Format($"{AppointmentPrefix(clinicId, patientNumber)}{appointmentNumber:D4}");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

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
