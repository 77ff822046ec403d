using System.Data.Common;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// Writes clinic data rows by id (insert or update; an identical row is left alone), inside the caller's
/// transaction, so an import or a seed either lands whole or not at all. Each method returns how many rows
/// were new or changed. Callers stream: pass batches, not whole files.
/// </summary>
public sealed class ClinicDataWriter : ISqlStatements
{
    private static readonly string[] ClinicColumns = ["clinic_id", "name", "time_zone"];
    private static readonly string[] ProviderColumns = ["provider_id", "clinic_id", "name", "discipline"];
    private static readonly string[] PatientColumns = ["patient_id", "clinic_id", "first_name", "last_name", "birth_date", "phone", "email", "preferred_channel", "do_not_contact"];
    private static readonly string[] EpisodeColumns = ["episode_id", "patient_id", "clinic_id", "started_on", "discharged_on", "discharge_reason", "condition", "body_region", "referral_source", "maintenance_interval_days"];
    private static readonly string[] AppointmentColumns = ["appointment_id", "patient_id", "clinic_id", "provider_id", "episode_id", "service", "starts_at", "status", "booked_at"];

    private readonly RowBatchWriter _rows;
    private readonly Dictionary<string, string> _statements;

    public ClinicDataWriter(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
    {
        _rows = new RowBatchWriter(connection, transaction, dialect);
        _statements = StatementsFor(dialect).ToDictionary();
    }

    public Task<int> UpsertClinicsAsync(IEnumerable<ClinicRow> rows, CancellationToken cancellationToken) =>
        ExecuteAsync("clinics", rows, cancellationToken);

    public Task<int> UpsertProvidersAsync(IEnumerable<ProviderRow> rows, CancellationToken cancellationToken) =>
        ExecuteAsync("providers", rows, cancellationToken);

    public Task<int> UpsertPatientsAsync(IEnumerable<PatientRow> rows, CancellationToken cancellationToken) =>
        ExecuteAsync("patients", rows, cancellationToken);

    public Task<int> UpsertEpisodesAsync(IEnumerable<EpisodeRow> rows, CancellationToken cancellationToken) =>
        ExecuteAsync("episodes", rows, cancellationToken);

    public Task<int> UpsertAppointmentsAsync(IEnumerable<AppointmentRow> rows, CancellationToken cancellationToken)
    {
        // PostgreSQL keeps starts_at as a wall-clock timestamp and booked_at as a UTC instant; Npgsql
        // refuses a DateTime whose kind does not match, so say which each one is.
        var normalized = rows.Select(row => row with
        {
            StartsAt = DateTime.SpecifyKind(row.StartsAt, DateTimeKind.Unspecified),
            BookedAt = row.BookedAt is { } bookedAt ? DateTime.SpecifyKind(bookedAt, DateTimeKind.Utc) : null,
        });
        return ExecuteAsync("appointments", normalized, cancellationToken);
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("clinics", dialect.Upsert("clinics", ["clinic_id"], ClinicColumns));
        yield return new("providers", dialect.Upsert("providers", ["provider_id"], ProviderColumns));
        yield return new("patients", dialect.Upsert("patients", ["patient_id"], PatientColumns));
        yield return new("episodes", dialect.Upsert("episodes", ["episode_id"], EpisodeColumns));
        yield return new("appointments", dialect.Upsert("appointments", ["appointment_id"], AppointmentColumns));
    }

    // The caller hands over bounded batches (ImportOptions.BatchSize): each one goes in one round trip.
    private Task<int> ExecuteAsync<TRow>(string table, IEnumerable<TRow> rows, CancellationToken cancellationToken) =>
        _rows.ExecuteAsync(_statements[table], rows, cancellationToken);
}
