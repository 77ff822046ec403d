using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>The flags and monthly numbers of one pass over the data.</summary>
/// <param name="Flags">Sorted by clinic, priority (highest first), patient id (all ordinal); empty unless collected with their texts.</param>
/// <param name="Metrics">The monthly numbers; null when no month was asked for.</param>
/// <param name="Patients">How many patients' histories were read.</param>
/// <param name="AsOfByClinic">The as-of date each clinic's patients were judged by.</param>
/// <param name="Clinics">The clinics and providers the run named.</param>
public sealed record RetentionAnalysisResult(
    IReadOnlyList<PatientFlag> Flags,
    RetentionMetrics? Metrics,
    int Patients,
    IReadOnlyDictionary<string, DateOnly> AsOfByClinic,
    ClinicDirectory Clinics)
{
    /// <summary>
    /// The flags without their texts when <see cref="RetentionAnalysisRequest.FlagsWithoutTexts"/> asked
    /// for them, in the order the pass found them (patient order); else empty.
    /// </summary>
    public IReadOnlyList<FlaggedPatient> FlaggedPatients { get; init; } = [];
}
