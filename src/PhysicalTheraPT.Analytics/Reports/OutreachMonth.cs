using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// What outreach did in one month (docs/outreach.md defines each number). <see cref="Provisional"/>:
/// the month ended less than the attribution window ago: bookings after its last calls, and calls
/// front desk records late, can still change its numbers.
/// </summary>
/// <param name="Listed">Patients put on the outreach lists (queue items opened) in the month.</param>
/// <param name="Contacted">Patients with any outcome recorded for a call in the month.</param>
/// <param name="Reached">Patients spoken to in the month: booked, declined or do-not-contact.</param>
/// <param name="BookedAfterOutreach">Patients contacted in the month who booked maintenance within the attribution window of a contact.</param>
/// <param name="MedianDaysToFirstContact">Median days from listing to the first recorded outcome, over items first contacted in the month.</param>
/// <param name="WrongNumbers">Patients whose phone or email turned out wrong in the month.</param>
public sealed record OutreachMonth(
    CalendarMonth Month,
    int Listed,
    int Contacted,
    int Reached,
    int BookedAfterOutreach,
    bool Provisional,
    double? MedianDaysToFirstContact,
    int WrongNumbers)
{
    /// <summary>Booked after outreach ÷ contacted; null when nobody was contacted.</summary>
    public double? Conversion => Contacted == 0 ? null : (double)BookedAfterOutreach / Contacted;
}
