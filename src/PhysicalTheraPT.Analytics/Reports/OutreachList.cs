using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>One clinic's list of patients for front desk to call, as of a date.</summary>
internal sealed record OutreachList(string ClinicId, string ClinicName, DateOnly AsOf, IReadOnlyList<OutreachListRow> Rows);

/// <summary>
/// A patient on an outreach list, with the contact details front desk needs. Health data: it goes into
/// owner-only files and never into logs. A row with <see cref="DoNotContact"/> set is never written,
/// even if it reaches the writer.
/// </summary>
internal sealed record OutreachListRow(
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

/// <summary>
/// An outreach list written to disk: its path, how many patients it lists, and how many do-not-contact
/// patients were left out (counts only, so it can be logged).
/// </summary>
internal sealed record OutreachListFile(string Path, int RowsWritten, int DoNotContactSkipped);
