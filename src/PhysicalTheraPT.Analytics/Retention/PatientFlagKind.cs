namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>Why a patient is on the list to call. A patient has at most one flag.</summary>
public enum PatientFlagKind : byte
{
    /// <summary><c>dropped_after_acute</c>: finished the acute phase and never started maintenance.</summary>
    DroppedAfterAcute,

    /// <summary><c>maintenance_lapsed</c>: came for maintenance, then stopped.</summary>
    MaintenanceLapsed,
}
