using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Analysis;

/// <summary>
/// One line of the flags file (<c>ptanalytics flags</c>), a separate type from <see cref="PatientFlag"/>
/// so a change in the engine cannot silently reshape a file other systems read. Dates <c>YYYY-MM-DD</c>,
/// blank (null in JSON) when not applicable. JSON uses the same snake_case names.
/// </summary>
/// <remarks>The CSV header is <see cref="TableWriter.FlagColumns"/>: the properties in snake_case, in order.</remarks>
internal sealed record FlagRow(
    string PatientId,
    string ClinicId,
    string Flag,
    DateOnly? AcuteEnd,
    string? EndType,
    DateOnly? LastMaintenance,
    int DaysSince,
    int Priority,
    string Reason)
{
    public static FlagRow From(PatientFlag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return new FlagRow(
            flag.PatientId,
            flag.ClinicId,
            flag.Kind.ToContractName(),
            flag.AcuteEnd,
            flag.EndType?.ToContractName(),
            flag.LastMaintenance,
            flag.DaysSince,
            flag.Priority,
            flag.Reason);
    }
}
