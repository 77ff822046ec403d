namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>The flagged patients of one clinic as of one date, computed by the retention engine.</summary>
public interface IClinicFlagSource
{
    Task<IReadOnlyList<StoredPatientFlag>> FlagsAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken);
}
