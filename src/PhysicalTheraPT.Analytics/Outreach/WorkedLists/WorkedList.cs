namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>An outreach list read back from a file: whose list, as of when, and its rows.</summary>
/// <param name="Signature">The list's signature as found in the file; null when it has none.</param>
internal sealed record WorkedList(string File, string ClinicId, DateOnly AsOf, string? Signature, string Sheet, IReadOnlyList<WorkedListRow> Rows);
