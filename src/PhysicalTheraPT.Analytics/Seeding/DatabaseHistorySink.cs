using System.Data.Common;
using Dapper;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// Writes the history into the database through <see cref="ClinicDataWriter"/> (upsert by id; an identical
/// row is left alone) in batches, all inside one transaction. When a clinic was there before the seed, the
/// synthetic rows an earlier, different seed of it left behind (a patient's later appointments, patients
/// past the new count, providers no appointment uses) are removed, so the database ends up holding exactly
/// this history for the clinics seeded. Only ids of the generator's own shape are touched.
/// </summary>
internal sealed class DatabaseHistorySink : IClinicHistorySink, ISqlStatements
{
    private readonly AnalyticsDatabase _database;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly ClinicDataWriter _writer;
    private readonly int _batchSize;
    private readonly Dictionary<string, string> _sql;
    private readonly HashSet<string> _reseededClinics = [];
    private readonly List<PatientRow> _patients = [];
    private readonly List<EpisodeRow> _episodes = [];
    private readonly List<AppointmentRow> _appointments = [];
    private readonly List<PatientLeftovers> _patientsToTidy = [];
    private readonly Dictionary<string, SeedTableCounter> _counters =
        new[] { "clinics", "providers", "patients", "episodes", "appointments" }.ToDictionary(table => table, table => new SeedTableCounter(table));

    private IReadOnlyList<SyntheticClinic> _clinics = [];

    private DatabaseHistorySink(AnalyticsDatabase database, DbConnection connection, DbTransaction transaction, int batchSize)
    {
        _database = database;
        _connection = connection;
        _transaction = transaction;
        _batchSize = batchSize;
        _writer = new ClinicDataWriter(connection, transaction, database.Dialect);
        _sql = StatementsFor(database.Dialect).ToDictionary();
    }

    public string Destination => _database.Description;

    /// <summary>Opens a connection and the one transaction the whole seed runs in.</summary>
    /// <param name="batchSize">Appointments gathered before they are written: bounds memory, not the transaction.</param>
    public static async Task<DatabaseHistorySink> OpenAsync(AnalyticsDatabase database, int batchSize, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new DatabaseHistorySink(database, connection, transaction, batchSize);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task WriteClinicsAsync(IReadOnlyList<SyntheticClinic> clinics, CancellationToken cancellationToken)
    {
        _clinics = clinics;
        foreach (var clinic in clinics)
        {
            var existing = await _connection.ExecuteScalarAsync<int>(new CommandDefinition(
                _sql["clinic-exists"], new { ClinicId = clinic.Id }, _transaction, cancellationToken: cancellationToken));
            if (existing > 0)
            {
                _reseededClinics.Add(clinic.Id);
            }
        }

        var clinicRows = clinics.Select(clinic => clinic.Row).ToList();
        var providerRows = clinics.SelectMany(clinic => clinic.Providers).ToList();
        _counters["clinics"].Add(clinicRows.Count, await _writer.UpsertClinicsAsync(clinicRows, cancellationToken));
        _counters["providers"].Add(providerRows.Count, await _writer.UpsertProvidersAsync(providerRows, cancellationToken));
    }

    public async Task WritePatientAsync(SyntheticPatient patient, CancellationToken cancellationToken)
    {
        _patients.Add(patient.Patient);
        _episodes.AddRange(patient.Episodes);
        _appointments.AddRange(patient.Appointments);
        if (_reseededClinics.Contains(patient.Patient.ClinicId))
        {
            _patientsToTidy.Add(PatientLeftovers.Of(patient));
        }

        if (_appointments.Count >= _batchSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FinishClinicAsync(SyntheticClinic clinic, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        if (!_reseededClinics.Contains(clinic.Id))
        {
            return;
        }

        var patientsPastTheCount = new
        {
            ClinicId = clinic.Id,
            PatientIdPattern = SyntheticIds.PatientPrefix(clinic.Id) + "%",
            LastPatientId = clinic.PatientCount == 0 ? "" : SyntheticIds.Patient(clinic.Id, clinic.PatientCount),
        };
        _counters["appointments"].Removed += await ExecuteAsync("leftover-patients-appointments", patientsPastTheCount, cancellationToken);
        _counters["episodes"].Removed += await ExecuteAsync("leftover-patients-episodes", patientsPastTheCount, cancellationToken);
        _counters["patients"].Removed += await ExecuteAsync("leftover-patients", patientsPastTheCount, cancellationToken);
    }

    public async Task<IReadOnlyList<SeedTableResult>> CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);

        // Providers last: by now every appointment of the seeded patients points at this seed's providers.
        foreach (var clinic in _clinics.Where(clinic => _reseededClinics.Contains(clinic.Id)))
        {
            foreach (var (discipline, providers) in new[] { (ContractValues.PhysicalTherapyDiscipline, clinic.PhysicalTherapists), (ContractValues.MassageTherapyDiscipline, clinic.MassageTherapists) })
            {
                var pattern = SyntheticIds.ProviderPrefix(clinic.Id, discipline) + "%";
                _counters["providers"].Removed += await ExecuteAsync(
                    "leftover-providers",
                    new { ClinicId = clinic.Id, ProviderIdPattern = pattern, LastProviderId = providers[^1].ProviderId },
                    cancellationToken);
            }
        }

        await _transaction.CommitAsync(cancellationToken);
        return _counters.Values.Select(counter => counter.ToResult()).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing a transaction that was not committed rolls it back, on every provider.
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("clinic-exists", "SELECT COUNT(*) FROM clinics WHERE clinic_id = @ClinicId");

        // Ids of one patient share a fixed-width prefix and number, so text order is number order and
        // "greater than the last one generated" is exactly "left over from a longer history".
        yield return new("leftover-appointments", """
            DELETE FROM appointments
            WHERE patient_id = @PatientId AND appointment_id LIKE @AppointmentIdPattern AND appointment_id > @LastAppointmentId
            """);
        yield return new("leftover-episodes", """
            DELETE FROM episodes
            WHERE patient_id = @PatientId AND episode_id LIKE @EpisodeIdPattern AND episode_id > @LastEpisodeId
            """);
        yield return new("leftover-patients-appointments", """
            DELETE FROM appointments
            WHERE patient_id IN (
                SELECT patient_id FROM patients
                WHERE clinic_id = @ClinicId AND patient_id LIKE @PatientIdPattern AND patient_id > @LastPatientId)
            """);
        yield return new("leftover-patients-episodes", """
            DELETE FROM episodes
            WHERE patient_id IN (
                SELECT patient_id FROM patients
                WHERE clinic_id = @ClinicId AND patient_id LIKE @PatientIdPattern AND patient_id > @LastPatientId)
            """);
        yield return new("leftover-patients", """
            DELETE FROM patients
            WHERE clinic_id = @ClinicId AND patient_id LIKE @PatientIdPattern AND patient_id > @LastPatientId
            """);
        // A provider some other clinic's appointment still uses stays: removing it would break that row.
        yield return new("leftover-providers", """
            DELETE FROM providers
            WHERE clinic_id = @ClinicId AND provider_id LIKE @ProviderIdPattern AND provider_id > @LastProviderId
              AND NOT EXISTS (SELECT 1 FROM appointments WHERE appointments.provider_id = providers.provider_id)
            """);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_patients.Count == 0)
        {
            return;
        }

        _counters["patients"].Add(_patients.Count, await _writer.UpsertPatientsAsync(_patients, cancellationToken));
        _counters["episodes"].Add(_episodes.Count, await _writer.UpsertEpisodesAsync(_episodes, cancellationToken));
        _counters["appointments"].Add(_appointments.Count, await _writer.UpsertAppointmentsAsync(_appointments, cancellationToken));
        if (_patientsToTidy.Count > 0)
        {
            // Appointments first: a left-over appointment may point at a left-over episode.
            _counters["appointments"].Removed += await ExecuteAsync("leftover-appointments", _patientsToTidy, cancellationToken);
            _counters["episodes"].Removed += await ExecuteAsync("leftover-episodes", _patientsToTidy, cancellationToken);
        }

        _patients.Clear();
        _episodes.Clear();
        _appointments.Clear();
        _patientsToTidy.Clear();
    }

    private Task<int> ExecuteAsync(string statement, object parameters, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(new CommandDefinition(_sql[statement], parameters, _transaction, cancellationToken: cancellationToken));
}

/// <summary>
/// Parameters that find what an earlier, longer history of one patient left behind: ids with the patient's
/// prefix that sort after the last one generated now (blank when none was).
/// </summary>
internal sealed record PatientLeftovers(
    string PatientId,
    string AppointmentIdPattern,
    string LastAppointmentId,
    string EpisodeIdPattern,
    string LastEpisodeId)
{
    public static PatientLeftovers Of(SyntheticPatient patient) => new(
        patient.Patient.PatientId,
        patient.AppointmentIdPrefix + "%",
        patient.Appointments.Count == 0 ? "" : patient.Appointments[^1].AppointmentId,
        patient.EpisodeIdPrefix + "%",
        patient.Episodes.Count == 0 ? "" : patient.Episodes[^1].EpisodeId);
}
