namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>Names and plain descriptions of <see cref="DataQualityIssue"/> for reports.</summary>
public static class DataQualityIssueNames
{
    /// <summary>Every issue in report order.</summary>
    public static IReadOnlyList<DataQualityIssue> All { get; } =
    [
        DataQualityIssue.StaleBooking, DataQualityIssue.VisitAfterDischarge, DataQualityIssue.UnknownEpisode,
        DataQualityIssue.MaintenanceWithEpisode, DataQualityIssue.DischargeBeforeStart, DataQualityIssue.UnknownDischargeReason,
    ];

    /// <summary>snake_case name, e.g. <c>stale_booking</c>.</summary>
    public static string ToContractName(this DataQualityIssue issue) => issue switch
    {
        DataQualityIssue.StaleBooking => "stale_booking",
        DataQualityIssue.VisitAfterDischarge => "visit_after_discharge",
        DataQualityIssue.UnknownEpisode => "unknown_episode",
        DataQualityIssue.MaintenanceWithEpisode => "maintenance_with_episode",
        DataQualityIssue.DischargeBeforeStart => "discharge_before_start",
        DataQualityIssue.UnknownDischargeReason => "unknown_discharge_reason",
        _ => throw new ArgumentOutOfRangeException(nameof(issue), issue, null),
    };

    /// <summary>What the note means and what the rules did about it, for a clinic manager.</summary>
    public static string Describe(this DataQualityIssue issue) => issue switch
    {
        DataQualityIssue.StaleBooking => "Appointments still marked booked although their date has passed; counted as nothing. Mark them completed, cancelled or no-show in the clinic system.",
        DataQualityIssue.VisitAfterDischarge => "Completed acute visits linked to an episode but dated after its discharge; still counted in that episode.",
        DataQualityIssue.UnknownEpisode => "Appointments whose episode id is not one of the patient's episodes (another patient's, or missing); treated as having no episode id.",
        DataQualityIssue.MaintenanceWithEpisode => "Maintenance appointments carrying an episode id; maintenance belongs to no episode, so the id is ignored.",
        DataQualityIssue.DischargeBeforeStart => "Episodes discharged before they started; taken as recorded.",
        DataQualityIssue.UnknownDischargeReason => "Episodes with a discharge reason the rules do not know; counted as other.",
        _ => throw new ArgumentOutOfRangeException(nameof(issue), issue, null),
    };
}
