namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// When a maintenance booking counts as "booked after outreach". A contact is any recorded outcome but
/// <c>wrong_number</c>: a missed call or a message from the clinic often brings a call back, while a
/// wrong number reached somebody else. The booking's day (booked_at, on the clinic's calendar) must fall
/// on the contact's day or within Outreach:AttributionDays after it: with 14 days, a contact on 2 March
/// counts bookings from 2 to 16 March.
/// </summary>
internal static class OutreachAttribution
{
    public static bool IsContact(OutreachOutcome outcome) => outcome != OutreachOutcome.WrongNumber;

    public static bool Counts(DateOnly contactOn, DateOnly bookedOn, int attributionDays) =>
        bookedOn >= contactOn && bookedOn.DayNumber - contactOn.DayNumber <= attributionDays;

    /// <summary>Spoken to: the outcome needed a conversation with the patient.</summary>
    public static bool Reached(OutreachOutcome outcome) =>
        outcome is OutreachOutcome.Booked or OutreachOutcome.Declined or OutreachOutcome.DoNotContact;
}
