namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// The fixed layout of an outreach list workbook, shared by the writer and by the import that reads a
/// worked list back: sheet and table names, column headers, and the document properties that mark the
/// file. Change it only together with <see cref="LayoutVersion"/>.
/// </summary>
internal static class OutreachListLayout
{
    public const string LayoutVersion = "1";

    public const string InstructionsSheet = "How to use this list";

    public const string ListSheet = "Patients to call";

    /// <summary>The Excel table holding the rows; an import finds the rows through it.</summary>
    public const string TableName = "OutreachList";

    public const string Name = "Name";

    public const string Phone = "Phone";

    public const string Email = "Email";

    public const string PreferredChannel = "Preferred channel";

    public const string Flag = "Why on the list";

    public const string Reason = "Reason";

    public const string LastVisit = "Last visit";

    public const string DischargingProvider = "Discharging provider";

    public const string DaysSince = "Days since";

    public const string Priority = "Priority";

    public const string Outcome = "Outcome";

    public const string OutcomeDate = "Outcome date";

    public const string StaffInitials = "Staff initials";

    public const string Notes = "Notes";

    /// <summary>The hidden, locked column identifying each row (<see cref="OutreachRowKey"/>).</summary>
    public const string RowKey = "Row key";

    /// <summary>The columns front desk fills in: the only cells left editable.</summary>
    public static IReadOnlyList<string> FillInColumns { get; } = [Outcome, OutcomeDate, StaffInitials, Notes];
}
