namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// The Outreach sheet: the trend of what outreach did month by month, and the report month by clinic and
/// by staff initials, with its own definitions and settings for the Definitions sheet.
/// </summary>
/// <param name="Months">The trend months, oldest first (the same months as the retention trend).</param>
/// <param name="ByClinic">The report month, one line per clinic in scope.</param>
/// <param name="ByStaff">The report month, one line per clinic and staff initials.</param>
/// <param name="WrongNumberPatientIds">Patients whose phone or email front desk found wrong in the report month, sorted.</param>
public sealed record OutreachReport(
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
