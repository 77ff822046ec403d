using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>A clinic's flags as of a date, from one pass of the retention engine over that clinic's patients.</summary>
public sealed class RetentionFlagSource : IClinicFlagSource
{
    private readonly RetentionAnalysis _analysis;

    public RetentionFlagSource(RetentionAnalysis analysis)
    {
        _analysis = analysis;
    }

    public async Task<IReadOnlyList<StoredPatientFlag>> FlagsAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var result = await _analysis.RunAsync(new RetentionAnalysisRequest { ClinicId = clinicId, AsOf = asOf }, cancellationToken: cancellationToken);
        return result.Flags.Select(flag => new StoredPatientFlag
        {
            ClinicId = flag.ClinicId,
            AsOf = asOf,
            PatientId = flag.PatientId,
            Flag = flag.Kind.ToContractName(),
            AcuteEnd = flag.AcuteEnd,
            EndType = flag.EndType?.ToContractName(),
            LastMaintenance = flag.LastMaintenance,
            DaysSince = flag.DaysSince,
            Priority = flag.Priority,
            Reason = flag.Reason,
        }).ToList();
    }
}
