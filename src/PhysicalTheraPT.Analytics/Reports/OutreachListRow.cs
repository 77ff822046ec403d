using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// A patient on an outreach list, with the contact details front desk needs. Health data: it goes into
/// owner-only files and never into logs. A row with <see cref="DoNotContact"/> set is never written,
/// even if it reaches the writer.
/// </summary>
public sealed record OutreachListRow(
    string PatientId,
    string Name,
    string? Phone,
    string? Email,
    string? PreferredChannel,
    PatientFlagKind Flag,
    string Reason,
    DateOnly? LastVisit,
    string? DischargingProvider,
    int DaysSince,
    int Priority,
    bool DoNotContact = false);
