using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Import;
using PhysicalTheraPT.Analytics.Sources;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>
/// The <c>sync</c>, <c>resync</c> and <c>source-read</c> stages: a <c>database</c> source over the
/// benchmark's own database (PostgreSQL or SQLite, its seeded rows read back by one query per table)
/// synced into a SQLite store, as <c>import</c> fills one from the same rows as CSV. <c>sync</c> fills a
/// fresh store each run (compare with <c>import</c>); <c>resync</c> syncs again into a store that already
/// holds every row, nothing changed (compare with <c>source-read</c>, the time of reading the source).
/// </summary>
internal sealed class BenchSync(AnalyticsDatabase source, IOptions<ImportOptions> importOptions, TimeProvider time)
{
    /// <summary>A fresh SQLite store in <paramref name="directory"/>, synced once from the benchmark's database.</summary>
    public async Task<(AnalyticsDatabase Store, long Appointments)> SyncIntoFreshStoreAsync(string directory, CancellationToken cancellationToken)
    {
        var store = DatabaseSelection.Resolve(new DatabaseOptions { Provider = "sqlite", Path = Path.Combine(directory, "sync-" + Guid.NewGuid().ToString("N") + ".db") });
        return (store, await SyncAsync(store, cancellationToken));
    }

    /// <summary>Syncs the benchmark's database into <paramref name="store"/>; returns the appointments read.</summary>
    public async Task<long> SyncAsync(AnalyticsDatabase store, CancellationToken cancellationToken)
    {
        var options = Source();
        var sync = new SourceSync(store, [new DatabaseSourceKind()], Options.Create(new SourcesOptions { Sources = [options] }), importOptions, new SourceSyncStore(store, time), time);
        var result = await sync.SyncAsync(0, options, new SyncRequest(), progress: null, cancellationToken);
        return result.Tables.Single(table => table.Table == "appointments").Read;
    }

    /// <summary>
    /// Reads the source as any pull of it must and does nothing else: its five queries through the
    /// <c>database</c> kind's reader, unbuffered, every value of every row taken in the contract's text
    /// form (<see cref="SourceRecords"/>, which reads ahead on a thread of its own as in the sync); nothing
    /// checked, compared or written. Returns the appointments read.
    /// </summary>
    public async Task<long> ReadSourceAsync(CancellationToken cancellationToken)
    {
        var options = Source();
        await using var data = await new DatabaseSourceKind().OpenAsync(options, cancellationToken);
        var appointments = 0L;
        foreach (var file in ContractFile.InDependencyOrder)
        {
            await using var records = new SourceRecords(file.FileName, file, (await data.OpenTableAsync(file, cancellationToken))!, exception => exception);
            var rows = 0L;
            while (await records.ReadAsync(cancellationToken))
            {
                for (var ordinal = 0; ordinal < file.Columns.Count; ordinal++)
                {
                    _ = records.Value(ordinal);
                }

                rows++;
            }

            appointments = file == ContractFile.Appointments ? rows : appointments;
        }

        return appointments;
    }

    public static void Delete(AnalyticsDatabase store)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }
    }

    // SQLite keeps times as text with a space and instants without their Z: the queries write them in
    // the contract's form, as a DBA would for a SQLite practice database.
    private SourceOptions Source()
    {
        var sqlite = source.Provider == DatabaseProvider.Sqlite;
        var startsAt = sqlite ? "replace(starts_at, ' ', 'T')" : "starts_at";
        var bookedAt = sqlite ? "replace(booked_at, ' ', 'T') || 'Z'" : "booked_at";
        return new SourceOptions
        {
            Name = "bench",
            Kind = SourceKinds.Database,
            Provider = source.Dialect.Name,
            ConnectionString = source.ConnectionString,
            Queries = new SourceQueries
            {
                Clinics = "SELECT clinic_id, name, time_zone FROM clinics",
                Providers = "SELECT provider_id, clinic_id, name, discipline FROM providers",
                Patients = "SELECT patient_id, clinic_id, first_name, last_name, birth_date, phone, email, preferred_channel, do_not_contact FROM patients",
                Episodes = "SELECT episode_id, patient_id, clinic_id, started_on, discharged_on, discharge_reason, condition, body_region, referral_source, maintenance_interval_days FROM episodes",
                Appointments = $"SELECT appointment_id, patient_id, clinic_id, provider_id, episode_id, service, {startsAt} AS starts_at, status, {bookedAt} AS booked_at FROM appointments",
            },
        };
    }
}
