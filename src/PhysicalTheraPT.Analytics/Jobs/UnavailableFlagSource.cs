namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>Stands in for the retention engine until it is part of the build.</summary>
internal sealed class UnavailableFlagSource : IClinicFlagSource
{
    public Task<IReadOnlyList<StoredPatientFlag>> FlagsAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken) =>
        throw new PermanentJobFailureException($"refresh-flags {clinicId} {asOf:yyyy-MM-dd}: the retention engine is not part of this build yet.");
}
