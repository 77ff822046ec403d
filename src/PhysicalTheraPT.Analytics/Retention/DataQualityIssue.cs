namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>Odd things in the clinic data the rules skipped or worked around.</summary>
public enum DataQualityIssue : byte
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
}
