namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>The names a flag goes by: the machine name of the data contract and the words people read.</summary>
public static class ReportFlagNames
{
    /// <summary><c>dropped_after_acute</c> / <c>maintenance_lapsed</c>, as in the flags CSV and the row keys.</summary>
    public static string MachineName(this ReportFlag flag) => flag switch
    {
        ReportFlag.DroppedAfterAcute => "dropped_after_acute",
        ReportFlag.MaintenanceLapsed => "maintenance_lapsed",
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "Unknown flag."),
    };

    public static string Label(this ReportFlag flag) => flag switch
    {
        ReportFlag.DroppedAfterAcute => "Dropped after acute care",
        ReportFlag.MaintenanceLapsed => "Maintenance lapsed",
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "Unknown flag."),
    };
}
