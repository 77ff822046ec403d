using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// A flagged patient as managers see them: identified by id only. No name, phone or email: those go to
/// front desk's outreach lists, never into the monthly workbook.
/// </summary>
public sealed record PatientToCallRow(
    string PatientId,
    string ClinicId,
    string ClinicName,
    PatientFlagKind Flag,
    string? EndType,
    DateOnly? AcuteEnd,
    DateOnly? LastMaintenance,
    string? DischargingProvider,
    int DaysSince,
    int Priority,
    string Reason);
