namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>Why a patient is on the list to call. A patient has at most one flag.</summary>
internal enum PatientFlagKind : byte
{
    /// <summary><c>dropped_after_acute</c>: finished the acute phase and never started maintenance.</summary>
    DroppedAfterAcute,

    /// <summary><c>maintenance_lapsed</c>: came for maintenance, then stopped.</summary>
    MaintenanceLapsed,
}

/// <summary>Data-contract names and report labels of <see cref="PatientFlagKind"/>.</summary>
internal static class PatientFlagKindNames
{
    /// <summary><c>dropped_after_acute</c> or <c>maintenance_lapsed</c>.</summary>
    public static string ToContractName(this PatientFlagKind kind) => kind switch
    {
        PatientFlagKind.DroppedAfterAcute => "dropped_after_acute",
        PatientFlagKind.MaintenanceLapsed => "maintenance_lapsed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The words a report shows for the flag: "Dropped after acute care", "Maintenance lapsed".</summary>
    public static string Label(this PatientFlagKind kind) => kind switch
    {
        PatientFlagKind.DroppedAfterAcute => "Dropped after acute care",
        PatientFlagKind.MaintenanceLapsed => "Maintenance lapsed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind a contract name stands for; throws on any other text (stored data is the service's own).</summary>
    public static PatientFlagKind FromContractName(string name) => name switch
    {
        "dropped_after_acute" => PatientFlagKind.DroppedAfterAcute,
        "maintenance_lapsed" => PatientFlagKind.MaintenanceLapsed,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a flag's contract name."),
    };
}
