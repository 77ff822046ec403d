namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>Why a patient is on a list to call. The report's own type, mapped from the engine's flag.</summary>
public enum ReportFlag
{
    /// <summary>Finished acute care and never came back for maintenance.</summary>
    DroppedAfterAcute,

    /// <summary>Came for maintenance, then stopped.</summary>
    MaintenanceLapsed,
}
