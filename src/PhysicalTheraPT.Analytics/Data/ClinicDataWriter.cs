using System.Data.Common;
using NpgsqlTypes;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// Writes clinic data rows by id (insert or update; an identical row is left alone), inside the caller's
/// transaction, so an import or a seed either lands whole or not at all. Each method returns how many rows
/// were new or changed. Callers stream: pass batches, not whole files. On PostgreSQL a batch goes in by
/// binary COPY and one set-based upsert, elsewhere by an upsert per row (<see cref="RowBatchWriter.UpsertAsync"/>).
/// </summary>
internal sealed class ClinicDataWriter : ISqlStatements
{
    // The columns of each table with their PostgreSQL types (sql/postgres/0001_clinic_data.sql); a value is
    // the row record's property of the column's name.
    private static readonly InsertTarget<ClinicRow> Clinics = new("clinics", ["clinic_id"],
    [
        ("clinic_id", NpgsqlDbType.Varchar),
        ("name", NpgsqlDbType.Varchar),
        ("time_zone", NpgsqlDbType.Varchar),
    ]);

    private static readonly InsertTarget<ProviderRow> Providers = new("providers", ["provider_id"],
    [
        ("provider_id", NpgsqlDbType.Varchar),
        ("clinic_id", NpgsqlDbType.Varchar),
        ("name", NpgsqlDbType.Varchar),
        ("discipline", NpgsqlDbType.Varchar),
    ]);

    private static readonly (string Column, NpgsqlDbType Type)[] PatientColumns =
    [
        ("patient_id", NpgsqlDbType.Varchar),
        ("clinic_id", NpgsqlDbType.Varchar),
        ("first_name", NpgsqlDbType.Varchar),
        ("last_name", NpgsqlDbType.Varchar),
        ("birth_date", NpgsqlDbType.Date),
        ("phone", NpgsqlDbType.Varchar),
        ("email", NpgsqlDbType.Varchar),
        ("preferred_channel", NpgsqlDbType.Varchar),
        ("do_not_contact", NpgsqlDbType.Boolean),
    ];

    private static readonly InsertTarget<PatientRow> Patients = new("patients", ["patient_id"],
    [
        .. PatientColumns,
        ("deceased_on", NpgsqlDbType.Date),
        ("allow_phone", NpgsqlDbType.Boolean),
        ("allow_sms", NpgsqlDbType.Boolean),
        ("allow_email", NpgsqlDbType.Boolean),
    ]);

    // A source that does not say whether a patient died or what they consent to (an export from before
    // those columns) leaves what is stored alone: a recorded death must not be undone by an old export.
    private static readonly InsertTarget<PatientRow> PatientsWithoutConsent = new("patients", ["patient_id"], PatientColumns, "patients_without_consent");

    private static readonly InsertTarget<EpisodeRow> Episodes = new("episodes", ["episode_id"],
    [
        ("episode_id", NpgsqlDbType.Varchar),
        ("patient_id", NpgsqlDbType.Varchar),
        ("clinic_id", NpgsqlDbType.Varchar),
        ("started_on", NpgsqlDbType.Date),
        ("discharged_on", NpgsqlDbType.Date),
        ("discharge_reason", NpgsqlDbType.Varchar),
        ("condition", NpgsqlDbType.Varchar),
        ("body_region", NpgsqlDbType.Varchar),
        ("referral_source", NpgsqlDbType.Varchar),
        ("maintenance_interval_days", NpgsqlDbType.Integer),
    ]);

    private static readonly InsertTarget<AppointmentRow> Appointments = new("appointments", ["appointment_id"],
    [
        ("appointment_id", NpgsqlDbType.Varchar),
        ("patient_id", NpgsqlDbType.Varchar),
        ("clinic_id", NpgsqlDbType.Varchar),
        ("provider_id", NpgsqlDbType.Varchar),
        ("episode_id", NpgsqlDbType.Varchar),
        ("service", NpgsqlDbType.Varchar),
        ("starts_at", NpgsqlDbType.Timestamp),
        ("status", NpgsqlDbType.Varchar),
        ("booked_at", NpgsqlDbType.TimestampTz),
    ]);

    private readonly RowBatchWriter _rows;
    private readonly StoredRowHashes? _stored;

    /// <param name="stored">When given (a sync), rows stored exactly so are not sent at all (see <see cref="StoredRowHashes"/>).</param>
    public ClinicDataWriter(DbConnection connection, DbTransaction transaction, SqlDialect dialect, StoredRowHashes? stored = null)
    {
        _rows = new RowBatchWriter(connection, transaction, dialect);
        _stored = stored;
    }

    /// <summary>A sync: starts reading the stored appointments' hashes on a second connection (<see cref="StoredRowHashes.ReadAhead"/>), the one table large enough to be worth it.</summary>
    public void ReadStoredAppointmentsAhead() => _stored?.ReadAhead(Appointments);

    public Task<int> UpsertClinicsAsync(IEnumerable<ClinicRow> rows, CancellationToken cancellationToken) =>
        UpsertAsync(Clinics, rows, cancellationToken);

    public Task<int> UpsertProvidersAsync(IEnumerable<ProviderRow> rows, CancellationToken cancellationToken) =>
        UpsertAsync(Providers, rows, cancellationToken);

    /// <summary>Every column, deceased_on and consent per channel included.</summary>
    public Task<int> UpsertPatientsAsync(IEnumerable<PatientRow> rows, CancellationToken cancellationToken) =>
        UpsertAsync(Patients, rows, cancellationToken);

    /// <summary>
    /// For a source without deceased_on and the allow_ columns: a new patient gets the defaults (alive,
    /// every channel allowed), a known one keeps what is stored.
    /// </summary>
    public Task<int> UpsertPatientsWithoutConsentAsync(IEnumerable<PatientRow> rows, CancellationToken cancellationToken) =>
        UpsertAsync(PatientsWithoutConsent, rows, cancellationToken);

    public Task<int> UpsertEpisodesAsync(IEnumerable<EpisodeRow> rows, CancellationToken cancellationToken) =>
        UpsertAsync(Episodes, rows, cancellationToken);

    public Task<int> UpsertAppointmentsAsync(IEnumerable<AppointmentRow> rows, CancellationToken cancellationToken)
    {
        // PostgreSQL keeps starts_at as a wall-clock timestamp and booked_at as a UTC instant; Npgsql
        // refuses a DateTime whose kind does not match, so say which each one is.
        var normalized = rows.Select(row => row with
        {
            StartsAt = DateTime.SpecifyKind(row.StartsAt, DateTimeKind.Unspecified),
            BookedAt = row.BookedAt is { } bookedAt ? DateTime.SpecifyKind(bookedAt, DateTimeKind.Utc) : null,
        });
        return UpsertAsync(Appointments, normalized, cancellationToken);
    }

    private async Task<int> UpsertAsync<TRow>(InsertTarget<TRow> target, IEnumerable<TRow> rows, CancellationToken cancellationToken) =>
        await _rows.UpsertAsync(target, _stored is null ? rows : await _stored.NewOrDifferentAsync(target, rows, cancellationToken), cancellationToken);

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect) =>
        Clinics.UpsertStatementsFor(dialect)
            .Concat(Providers.UpsertStatementsFor(dialect))
            .Concat(Patients.UpsertStatementsFor(dialect))
            .Concat(PatientsWithoutConsent.UpsertStatementsFor(dialect))
            .Concat(Episodes.UpsertStatementsFor(dialect))
            .Concat(Appointments.UpsertStatementsFor(dialect))
            .Append(new("patients stored", ClinicDataMirror.ForParser(StoredRowHashes.SelectSql(Patients, dialect))))
            .Append(new("appointments stored", ClinicDataMirror.ForParser(StoredRowHashes.SelectSql(Appointments, dialect))));
}
