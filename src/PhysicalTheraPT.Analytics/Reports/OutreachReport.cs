using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// The Outreach sheet: the trend of what outreach did month by month, and the report month by clinic and
/// by staff initials, with its own definitions and settings for the Definitions sheet.
/// </summary>
/// <param name="Months">The trend months, oldest first (the same months as the retention trend).</param>
/// <param name="ByClinic">The report month, one line per clinic in scope.</param>
/// <param name="ByStaff">The report month, one line per clinic and staff initials.</param>
/// <param name="WrongNumberPatientIds">Patients whose phone or email front desk found wrong in the report month, sorted.</param>
internal sealed record OutreachReport(
    int AttributionDays,
    IReadOnlyList<OutreachMonth> Months,
    IReadOnlyList<OutreachBreakdownLine> ByClinic,
    IReadOnlyList<OutreachBreakdownLine> ByStaff,
    IReadOnlyList<string> WrongNumberPatientIds,
    IReadOnlyList<DefinitionRow> Definitions,
    IReadOnlyList<ReportSetting> Settings)
{
    public const string WrongContactDetailsKind = "wrong_contact_details";

    /// <summary>The wrong numbers as a note for the Data quality sheet; null when there were none.</summary>
    public DataQualityRow? WrongNumbersNote => WrongNumberPatientIds.Count == 0
        ? null
        : new DataQualityRow(
            WrongContactDetailsKind,
            "Front desk found the patient's phone number or email wrong (outreach outcome wrong_number). Correct it in the clinic software; the patient can be listed again after the cooldown.",
            WrongNumberPatientIds.Count,
            WrongNumberPatientIds);
}

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
internal sealed record OutreachMonth(
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

/// <summary>
/// The report month's outreach for one clinic or one member of staff (by initials; <see cref="Detail"/>
/// names their clinic). <see cref="Listed"/> is null for staff (lists go to a clinic, not a person).
/// </summary>
internal sealed record OutreachBreakdownLine(
    string Name,
    string? Detail,
    int? Listed,
    int Contacted,
    int Reached,
    int BookedAfterOutreach,
    int WrongNumbers,
    double? MedianDaysToFirstContact)
{
    public double? Conversion => Contacted == 0 ? null : (double)BookedAfterOutreach / Contacted;
}
