using System.Runtime.CompilerServices;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>Flags as of a date from one pass of the retention engine, of one clinic's patients or of all.</summary>
internal sealed class RetentionFlagSource : IClinicFlagSource
{
    private readonly RetentionAnalysis _analysis;
    private readonly FlagRefreshStateStore _state;

    public RetentionFlagSource(RetentionAnalysis analysis, FlagRefreshStateStore state)
    {
        _analysis = analysis;
        _state = state;
    }

    public async IAsyncEnumerable<StoredPatientFlag> FlagsAsync(string? clinicId, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var flag in _analysis.StreamFlagsAsync(asOf, clinicId, cancellationToken))
        {
            yield return StoredPatientFlag.From(flag, asOf);
        }
    }

    public async IAsyncEnumerable<StoredPatientFlag> FlagsAsync(string? clinicId, DateOnly asOf, FlagRefreshPlan plan, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var flag in _analysis.StreamNightlyFlagsAsync(asOf, plan, _state, cancellationToken))
        {
            yield return flag;
        }
    }
}

/// <summary>
/// Flagged patients as of one date, computed by the retention engine: of one clinic's patients, or of
/// every clinic's in one pass. Streamed as found, in no particular order; never collected.
/// </summary>
internal interface IClinicFlagSource
{
    /// <param name="clinicId">Only this clinic's patients; null for every clinic.</param>
    IAsyncEnumerable<StoredPatientFlag> FlagsAsync(string? clinicId, DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>
    /// The night's flags by <paramref name="plan"/>: a full or an incremental pass, each evaluated
    /// patient's next change recorded in it. A source without next changes (a test's) passes everything.
    /// </summary>
    IAsyncEnumerable<StoredPatientFlag> FlagsAsync(string? clinicId, DateOnly asOf, FlagRefreshPlan plan, CancellationToken cancellationToken) =>
        FlagsAsync(clinicId, asOf, cancellationToken);
}
