namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>What the not-nagging rules know about one patient of a clinic.</summary>
/// <param name="OpenItem">The patient's open item, if any.</param>
/// <param name="LastClosedItem">The item that closed most recently, if any (only recent ones are loaded).</param>
/// <param name="LastDeclinedOn">The date of the patient's latest <c>declined</c> outcome, if any (only recent ones are loaded).</param>
/// <param name="DoNotContact">Front desk recorded <c>do_not_contact</c>: never listed again.</param>
public sealed record OutreachPatientState(
    string PatientId,
    OutreachItem? OpenItem = null,
    OutreachItem? LastClosedItem = null,
    DateOnly? LastDeclinedOn = null,
    bool DoNotContact = false);
