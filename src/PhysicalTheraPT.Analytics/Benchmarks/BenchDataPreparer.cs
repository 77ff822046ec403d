using Dapper;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Seeding;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>
/// Puts the benchmark's seeded history into the database and writes the import stage's CSV files. Both
/// are deterministic, so a second benchmark run on the same database measures the same rows without
/// seeding again.
/// </summary>
internal sealed class BenchDataPreparer
{
    private readonly AnalyticsDatabase _database;
    private readonly ClinicHistorySeeder _seeder;
    private readonly PatientFlagStore _flagStore;

    public BenchDataPreparer(AnalyticsDatabase database, ClinicHistorySeeder seeder, PatientFlagStore flagStore)
    {
        _database = database;
        _seeder = seeder;
        _flagStore = flagStore;
    }

    /// <summary>
    /// Creates the benchmark's database on a server when it is missing, brings it to the current schema (a
    /// server database is not migrated on first use, and the benchmark is about to seed it anyway), then
    /// checks for the history. Seeding the same
    /// settings writes the same ids, so the history is there when the clinic and patient
    /// counts match it and there are appointments; a database holding other data does not match and is
    /// seeded on top (the seeder upserts by id).
    /// </summary>
    public async Task<bool> HoldsHistoryAsync(BenchDataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var migrator = new SchemaMigrator(_database);
        migrator.CreateDatabaseIfMissing();
        migrator.Migrate();
        var counts = await ClinicDataCounter.CountAsync(_database, cancellationToken);
        return counts.Clinics == dataset.History.Clinics && counts.Patients == dataset.History.Patients && counts.Appointments > 0;
    }

    public Task<SeedResult> SeedAsync(BenchDataset dataset, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return _seeder.SeedDatabaseAsync(dataset.History, progress, cancellationToken);
    }

    /// <summary>
    /// Brings the database to the state a night starts from before anything is measured: freshly seeded
    /// rows vacuumed and analysed, and the dead rows earlier benchmark runs left in patient_flags cleared,
    /// so no stage shares the server with autovacuum catching up on them.
    /// </summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        if (_database.Dialect.SettleAfterBulkWrites is not { } sql)
        {
            return;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, commandTimeout: 0, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Removes the flag sets earlier benchmark runs stored for the nights after the history ends, then
    /// settles the database again, so the stages that store those nights start from the same table and
    /// no autovacuum catches up on the removed rows while they are timed.
    /// </summary>
    public async Task RemoveBenchmarkNightsAsync(CancellationToken cancellationToken)
    {
        await _flagStore.RemoveSetsAfterAsync(BenchDataset.Until, cancellationToken);
        await SettleAsync(cancellationToken);
    }

    /// <summary>The id prefix of the bookings the nightly-incremental stage adds as a night's change.</summary>
    public const string NightChangePrefix = "bench-night-";

    /// <summary>
    /// Removes the bookings the nightly-incremental stage added (<see cref="NightChangePrefix"/>), so every
    /// stage measures the seeded history itself; returns how many there were. By a range of the key, so the
    /// primary key's index finds them.
    /// </summary>
    public async Task<int> RemoveNightChangesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM appointments WHERE appointment_id >= @From AND appointment_id < @To",
            new { From = NightChangePrefix, To = NightChangePrefix[..^1] + "." },
            commandTimeout: 0,
            cancellationToken: cancellationToken));
    }

    /// <summary>The folder, named after its settings under <paramref name="cacheDirectory"/>, holding the import stage's files.</summary>
    public static string ImportFilesDirectory(BenchDataset dataset, string cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var settings = dataset.ImportHistory;
        return Path.Combine(cacheDirectory, $"import-{settings.Clinics}c-{settings.Patients}p-{settings.Months}m-seed{settings.Seed}-{settings.Until:yyyyMMdd}");
    }

    /// <summary>
    /// Whether the import files are complete: the CSV sink renames its files into place only when all are
    /// written, so appointments.csv being there means the whole set is.
    /// </summary>
    public static bool HasImportFiles(string directory) => File.Exists(Path.Combine(directory, "appointments.csv"));

    public static Task<SeedResult> WriteImportFilesAsync(BenchDataset dataset, string directory, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return ClinicHistorySeeder.WriteCsvAsync(dataset.ImportHistory, directory, progress, cancellationToken);
    }
}
