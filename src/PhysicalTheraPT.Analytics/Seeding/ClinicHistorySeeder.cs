using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// <c>ptanalytics seed</c>: generates a synthetic clinic history and writes it into the database (one
/// transaction; seeding the same settings again changes nothing) or as CSV files in the import contract.
/// Streams patient by patient, so memory stays flat at any size.
/// </summary>
internal sealed class ClinicHistorySeeder
{
    // Appointments gathered before a database round of upserts: large enough that the per-batch work
    // does not matter, small enough that memory does not notice it.
    private const int DatabaseBatchSize = 5000;

    // Progress is reported this often (patients): often enough for a live bar, rarely enough to cost nothing.
    private const int ProgressEvery = 250;

    private readonly AnalyticsDatabase _database;

    public ClinicHistorySeeder(AnalyticsDatabase database)
    {
        _database = database;
    }

    public async Task<SeedResult> SeedDatabaseAsync(SeedSettings settings, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        var generator = new ClinicHistoryGenerator(settings);
        await using var sink = await DatabaseHistorySink.OpenAsync(_database, DatabaseBatchSize, cancellationToken);
        return await WriteAsync(generator, sink, progress, cancellationToken);
    }

    public static async Task<SeedResult> WriteCsvAsync(SeedSettings settings, string directory, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        var generator = new ClinicHistoryGenerator(settings);
        await using var sink = new CsvHistorySink(directory);
        return await WriteAsync(generator, sink, progress, cancellationToken);
    }

    internal static async Task<SeedResult> WriteAsync(ClinicHistoryGenerator generator, IClinicHistorySink sink, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        await sink.WriteClinicsAsync(generator.Clinics, cancellationToken);
        var patientsDone = 0;
        var appointments = 0L;
        foreach (var clinic in generator.Clinics)
        {
            foreach (var patient in generator.PatientsOf(clinic))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await sink.WritePatientAsync(patient, cancellationToken);
                patientsDone++;
                appointments += patient.Appointments.Count;
                if (patientsDone % ProgressEvery == 0)
                {
                    progress?.Report(new SeedProgress(patientsDone, generator.PatientCount, appointments));
                }
            }

            await sink.FinishClinicAsync(clinic, cancellationToken);
        }

        var tables = await sink.CompleteAsync(cancellationToken);
        progress?.Report(new SeedProgress(patientsDone, generator.PatientCount, appointments));
        return new SeedResult(sink.Destination, tables);
    }
}
