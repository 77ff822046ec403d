using PhysicalTheraPT.Analytics.Analysis;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// Flagged patients as of one date, computed by the retention engine: of one clinic's patients, or of
/// every clinic's in one pass. Streamed as found, in no particular order; never collected.
/// </summary>
public interface IClinicFlagSource
{
    /// <param name="clinicId">Only this clinic's patients; null for every clinic.</param>
    IAsyncEnumerable<StoredPatientFlag> FlagsAsync(string? clinicId, DateOnly asOf, CancellationToken cancellationToken);
}
