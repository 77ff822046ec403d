using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// One patient in the outreach queue of a clinic: why they are on it, since when, and what front desk
/// recorded. Open while <see cref="CloseReason"/> is null; a clinic has at most one open item per
/// patient. Closed items stay as history. Ids and dates only: no names or contact details.
/// </summary>
internal sealed record OutreachItem
{
    public required string ItemId { get; init; }

    public required string ClinicId { get; init; }

    public required string PatientId { get; init; }

    /// <summary>The flag the patient is listed for: the latest one while open.</summary>
    public required PatientFlagKind Flag { get; init; }

    /// <summary>The latest front-desk reason of the flag.</summary>
    public required string Reason { get; init; }

    public required int Priority { get; init; }

    /// <summary>The as-of date of the refresh that opened the item: from then on the patient is listed.</summary>
    public required DateOnly FirstListed { get; init; }

    public OutreachCloseReason? CloseReason { get; init; }

    public DateOnly? ClosedOn { get; init; }

    /// <summary>Recorded outcomes that were tries to reach the patient (<c>not_reached</c>, <c>left_message</c>).</summary>
    public int Attempts { get; init; }

    public OutreachOutcome? LastOutcome { get; init; }

    /// <summary>The date of the latest recorded outcome of any kind.</summary>
    public DateOnly? LastContactOn { get; init; }

    public bool IsOpen => CloseReason is null;
}

/// <summary>What the not-nagging rules know about one patient of a clinic.</summary>
/// <param name="OpenItem">The patient's open item, if any.</param>
/// <param name="LastClosedItem">The item that closed most recently, if any (only recent ones are loaded).</param>
/// <param name="LastDeclinedOn">The date of the patient's latest <c>declined</c> outcome, if any (only recent ones are loaded).</param>
/// <param name="DoNotContact">Front desk recorded <c>do_not_contact</c>: never listed again.</param>
internal sealed record OutreachPatientState(
    string PatientId,
    OutreachItem? OpenItem = null,
    OutreachItem? LastClosedItem = null,
    DateOnly? LastDeclinedOn = null,
    bool DoNotContact = false);
