namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>A checked outcome from a worked list, ready to record.</summary>
/// <param name="Reason">The row's reason, kept only if the queue never saw the patient.</param>
/// <param name="Priority">The row's priority, kept only if the queue never saw the patient.</param>
internal sealed record WorkedOutcome(
    int RowNumber,
    OutreachRowKey Key,
    OutreachOutcome Outcome,
    DateOnly On,
    string StaffInitials,
    string? Notes,
    string? Reason,
    int? Priority);
