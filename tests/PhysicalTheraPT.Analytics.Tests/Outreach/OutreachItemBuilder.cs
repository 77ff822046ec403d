using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Outreach;

/// <summary>Outreach items and candidates with defaults: clinic c1, patient p1, dropped after acute, listed 1 March 2026.</summary>
internal static class OutreachItemBuilder
{
    public static readonly DateOnly Listed = new(2026, 3, 1);

    public static OutreachItem Open(string patientId = "p1", DateOnly? listed = null, int attempts = 0, DateOnly? lastContact = null, string itemId = "") => new()
    {
        ItemId = itemId.Length > 0 ? itemId : "item-" + patientId,
        ClinicId = "c1",
        PatientId = patientId,
        Flag = PatientFlagKind.DroppedAfterAcute,
        Reason = "Discharged 10 Feb (goals met) after 3 visits; no maintenance booked",
        Priority = 50,
        FirstListed = listed ?? Listed,
        Attempts = attempts,
        LastOutcome = attempts > 0 ? OutreachOutcome.NotReached : null,
        LastContactOn = lastContact,
    };

    public static OutreachItem Closed(OutreachCloseReason reason, DateOnly closedOn, string patientId = "p1") =>
        Open(patientId) with { CloseReason = reason, ClosedOn = closedOn };

    public static OutreachCandidate Flagged(string patientId = "p1", int priority = 50, PatientFlagKind flag = PatientFlagKind.DroppedAfterAcute) =>
        new("c1", patientId, flag, "Discharged 10 Feb (goals met) after 3 visits; no maintenance booked", priority);
}
