namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>An outreach list read back from a file: whose list, as of when, and its rows.</summary>
internal sealed record WorkedList(string File, string ClinicId, DateOnly AsOf, string Sheet, IReadOnlyList<WorkedListRow> Rows);
