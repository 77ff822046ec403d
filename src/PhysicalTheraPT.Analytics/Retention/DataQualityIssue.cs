namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>Odd things in the clinic data the rules skipped or worked around.</summary>
internal enum DataQualityIssue : byte
{
    /// <summary>An appointment still <c>booked</c> although its date is before the as-of date: counted as nothing.</summary>
    StaleBooking,

    /// <summary>A completed acute visit linked to a recorded episode but dated after that episode's discharge.</summary>
    VisitAfterDischarge,

    /// <summary>An appointment whose episode id is not one of the patient's episodes (another patient's, or unknown): treated as if it had none.</summary>
    UnknownEpisode,

    /// <summary>A maintenance appointment carrying an episode id: maintenance belongs to no episode, the id is ignored.</summary>
    MaintenanceWithEpisode,

    /// <summary>A recorded episode discharged before it started.</summary>
    DischargeBeforeStart,

    /// <summary>A discharge reason that is not goals_met, self_discharged, referred_out or other: counted as other.</summary>
    UnknownDischargeReason,

    /// <summary>A patient with a completed or booked appointment dated after their recorded death (noted once per patient, by patient id).</summary>
    AppointmentAfterDeath,
}

/// <summary>Names and plain descriptions of <see cref="DataQualityIssue"/> for reports.</summary>
internal static class DataQualityIssueNames
{
    /// <summary>Every issue in report order.</summary>
    public static IReadOnlyList<DataQualityIssue> All { get; } =
    [
        DataQualityIssue.StaleBooking, DataQualityIssue.VisitAfterDischarge, DataQualityIssue.UnknownEpisode,
        DataQualityIssue.MaintenanceWithEpisode, DataQualityIssue.DischargeBeforeStart, DataQualityIssue.UnknownDischargeReason,
        DataQualityIssue.AppointmentAfterDeath,
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
        DataQualityIssue.AppointmentAfterDeath => "appointment_after_death",
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
        DataQualityIssue.AppointmentAfterDeath => "Patients with a completed or booked appointment dated after their recorded death (examples are patient ids); they are never flagged or contacted. Correct the death date or the appointments in the clinic software.",
        _ => throw new ArgumentOutOfRangeException(nameof(issue), issue, null),
    };
}

/// <summary>One data-quality finding: the clinic it concerns and the appointment, episode or (for a patient-wide finding) patient id (never names).</summary>
internal readonly record struct DataQualityNote(DataQualityIssue Issue, string ClinicId, string ItemId);

/// <summary>How often an issue occurred in a scope, with a few example appointment or episode ids.</summary>
internal sealed record DataQualitySummary(DataQualityIssue Issue, int Count, IReadOnlyList<string> Examples);
