using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// Where a generated history goes (the database, or CSV files in the import contract). Called in order:
/// the clinics once, then each clinic's patients followed by <see cref="FinishClinicAsync"/>, then
/// <see cref="CompleteAsync"/>, which makes everything visible at once; disposing without completing
/// leaves the destination as it was.
/// </summary>
internal interface IClinicHistorySink : IAsyncDisposable
{
    /// <summary>Where the rows go, fit for a console line (no password).</summary>
    string Destination { get; }

    Task WriteClinicsAsync(IReadOnlyList<SyntheticClinic> clinics, CancellationToken cancellationToken);

    Task WritePatientAsync(SyntheticPatient patient, CancellationToken cancellationToken);

    Task FinishClinicAsync(SyntheticClinic clinic, CancellationToken cancellationToken);

    Task<IReadOnlyList<SeedTableResult>> CompleteAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One generated patient with their recorded episodes and appointments, in date order, and the id prefixes
/// all of this patient's episode and appointment ids start with (whatever the seed).
/// </summary>
internal sealed record SyntheticPatient(
    PatientRow Patient,
    IReadOnlyList<EpisodeRow> Episodes,
    IReadOnlyList<AppointmentRow> Appointments,
    string EpisodeIdPrefix,
    string AppointmentIdPrefix);
