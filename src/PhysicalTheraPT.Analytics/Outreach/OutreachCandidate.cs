using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// A flagged patient offered to the outreach queue: who, which flag, the front-desk reason and the
/// priority. Built from the engine's <see cref="PatientFlag"/> or from a stored flag row.
/// </summary>
internal sealed record OutreachCandidate(string ClinicId, string PatientId, PatientFlagKind Kind, string Reason, int Priority)
{
    public static OutreachCandidate From(PatientFlag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return new OutreachCandidate(flag.ClinicId, flag.PatientId, flag.Kind, flag.Reason, flag.Priority);
    }

    /// <summary>From a row refresh-flags stored in <c>patient_flags</c>.</summary>
    public static OutreachCandidate From(StoredPatientFlag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return new OutreachCandidate(flag.ClinicId, flag.PatientId, flag.Kind, flag.Reason, flag.Priority);
    }
}
