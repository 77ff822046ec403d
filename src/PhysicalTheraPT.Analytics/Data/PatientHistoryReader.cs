using System.Runtime.CompilerServices;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// Streams every patient's history, one patient at a time, in one pass over the database: three
/// unbuffered queries on three connections (patients, episodes, appointments), each ordered by patient,
/// merged here, each read ahead in small batches on a thread of its own. Memory holds one patient's
/// history (and a few batches of rows) whatever the size of the clinic group.
/// </summary>
/// <remarks>
/// The merge never compares two patient ids for order, only for equality: databases sort text by their
/// own collation, which C# cannot reproduce, but all three queries sort by the same column under the same
/// collation, so each patient's episodes and appointments arrive as one run right where the patient does.
/// The foreign keys guarantee every episode and appointment has its patient; a row left over at the end
/// means the data changed while it was read, and is reported instead of silently dropped.
/// </remarks>
internal sealed class PatientHistoryReader : ISqlStatements
{
    private const string PatientColumns =
        "patient_id AS PatientId, clinic_id AS ClinicId, do_not_contact AS DoNotContact, deceased_on AS DeceasedOn, " +
        "allow_phone AS AllowPhone, allow_sms AS AllowSms, allow_email AS AllowEmail";

    private const string EpisodeColumns =
        "episode_id AS EpisodeId, patient_id AS PatientId, clinic_id AS ClinicId, started_on AS StartedOn, " +
        "discharged_on AS DischargedOn, discharge_reason AS DischargeReason, body_region AS BodyRegion, " +
        "referral_source AS ReferralSource, maintenance_interval_days AS MaintenanceIntervalDays";

    // Stands for the day number of starts_at's date, which each database works out its own way (DayNumberOfStartsAt).
    private const string StartsOnDay = "/*starts_on_day*/";

    private const string AppointmentColumns =
        "appointment_id AS AppointmentId, patient_id AS PatientId, clinic_id AS ClinicId, provider_id AS ProviderId, " +
        $"episode_id AS EpisodeId, service AS Service, {StartsOnDay} AS StartsOnDay, status AS Status";

    // A patient's flags and numbers belong to the patient's clinic, so a clinic's histories are its
    // patients' whole histories, visits at other clinics included.
    private const string OfClinicPatients = "patient_id IN (SELECT patient_id FROM patients WHERE clinic_id = @ClinicId)";

    private const string AllPatientsSql = $"SELECT {PatientColumns} FROM patients ORDER BY patient_id";
    private const string ClinicPatientsSql = $"SELECT {PatientColumns} FROM patients WHERE clinic_id = @ClinicId ORDER BY patient_id";

    // The id breaks ties so two databases stream the same rows in the same order; the indexes of script
    // 0002 hold these orders and columns, so no stream sorts or looks up a table row.
    private const string AllEpisodesSql = $"SELECT {EpisodeColumns} FROM episodes ORDER BY patient_id, started_on, episode_id";
    private const string ClinicEpisodesSql = $"SELECT {EpisodeColumns} FROM episodes WHERE {OfClinicPatients} ORDER BY patient_id, started_on, episode_id";

    private const string AllAppointmentsSql = $"SELECT {AppointmentColumns} FROM appointments ORDER BY patient_id, starts_at, appointment_id";
    private const string ClinicAppointmentsSql = $"SELECT {AppointmentColumns} FROM appointments WHERE {OfClinicPatients} ORDER BY patient_id, starts_at, appointment_id";

    // The nightly refresh's patients (PatientSelection): changed since the last refresh, or due by the date.
    private const string OfSelectedPatients =
        "patient_id IN (SELECT patient_id FROM patient_changes WHERE change_id > @AfterChange AND change_id <= @UpToChange AND patient_id IS NOT NULL " +
        "UNION SELECT patient_id FROM patient_next_changes WHERE next_change <= @DueBy)";

    private const string SelectedPatientsSql = $"SELECT {PatientColumns} FROM patients WHERE {OfSelectedPatients} ORDER BY patient_id";
    private const string SelectedClinicPatientsSql = $"SELECT {PatientColumns} FROM patients WHERE clinic_id = @ClinicId AND {OfSelectedPatients} ORDER BY patient_id";
    private const string SelectedEpisodesSql = $"SELECT {EpisodeColumns} FROM episodes WHERE {OfSelectedPatients} ORDER BY patient_id, started_on, episode_id";
    private const string SelectedClinicEpisodesSql = $"SELECT {EpisodeColumns} FROM episodes WHERE {OfClinicPatients} AND {OfSelectedPatients} ORDER BY patient_id, started_on, episode_id";
    private const string SelectedAppointmentsSql = $"SELECT {AppointmentColumns} FROM appointments WHERE {OfSelectedPatients} ORDER BY patient_id, starts_at, appointment_id";
    private const string SelectedClinicAppointmentsSql = $"SELECT {AppointmentColumns} FROM appointments WHERE {OfClinicPatients} AND {OfSelectedPatients} ORDER BY patient_id, starts_at, appointment_id";

    // The patients a full pass as of a date can flag (FlagWriter.EarliestDateThatCanFlag): an appointment, an episode start or
    // a discharge on or after @ActiveSince. UNION ALL, as IN keeps each id once anyway; the index of script
    // 0018 serves the appointments' range, the episodes (a few a patient) are scanned.
    private const string OfRecentPatients =
        "patient_id IN (SELECT patient_id FROM appointments WHERE starts_at >= @ActiveSince " +
        "UNION ALL SELECT patient_id FROM episodes WHERE started_on >= @ActiveSince OR discharged_on >= @ActiveSince)";

    private const string RecentPatientsSql = $"SELECT {PatientColumns} FROM patients WHERE {OfRecentPatients} ORDER BY patient_id";
    private const string RecentClinicPatientsSql = $"SELECT {PatientColumns} FROM patients WHERE clinic_id = @ClinicId AND {OfRecentPatients} ORDER BY patient_id";
    private const string RecentEpisodesSql = $"SELECT {EpisodeColumns} FROM episodes WHERE {OfRecentPatients} ORDER BY patient_id, started_on, episode_id";
    private const string RecentClinicEpisodesSql = $"SELECT {EpisodeColumns} FROM episodes WHERE {OfClinicPatients} AND {OfRecentPatients} ORDER BY patient_id, started_on, episode_id";
    private const string RecentAppointmentsSql = $"SELECT {AppointmentColumns} FROM appointments WHERE {OfRecentPatients} ORDER BY patient_id, starts_at, appointment_id";
    private const string RecentClinicAppointmentsSql = $"SELECT {AppointmentColumns} FROM appointments WHERE {OfClinicPatients} AND {OfRecentPatients} ORDER BY patient_id, starts_at, appointment_id";

    private readonly AnalyticsDatabase _database;

    public PatientHistoryReader(AnalyticsDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Every patient's history (of one clinic's patients when <paramref name="clinicId"/> is given),
    /// ordered by patient; episodes by start date, appointments by start time. The SAME
    /// <see cref="PatientHistory"/> instance is yielded each time, refilled for the next patient: use it
    /// before asking for the next one and keep no reference to it.
    /// </summary>
    public IAsyncEnumerable<PatientHistory> ReadAsync(string? clinicId = null, CancellationToken cancellationToken = default) =>
        ReadAsync(clinicId, PatientScope.Everyone, cancellationToken);

    /// <summary>
    /// As <see cref="ReadAsync(string?, CancellationToken)"/>, of only the patients <paramref name="scope"/>
    /// names: the nightly refresh's (changed, or due), or those with a recent date in their history.
    /// </summary>
    public async IAsyncEnumerable<PatientHistory> ReadAsync(
        string? clinicId, PatientScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.ActiveSince is not null && _database.Dialect.Provider != DatabaseProvider.Sqlite)
        {
            // Leaving out the patients who cannot be flagged pays on SQLite only. A server must gather the
            // recent patients' ids before its first row: PostgreSQL took 1.43 s for the restricted stream at
            // 1.27M appointments against 0.27 s for the whole one, and once the ids outgrew work_mem its
            // filter turned into a list scanned once per row (over a minute). Reading everyone gives the same flags.
            scope = PatientScope.Everyone;
        }

        var history = new PatientHistory();
        // Each stream is read ahead on a thread of its own: the database driver's work (the floor) and the
        // merge and the rules after it run on different cores instead of taking turns on one.
        await using var episodes = ReadEpisodeRowsAsync(clinicId, scope, cancellationToken).ReadAheadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var appointments = ReadAppointmentRowsAsync(clinicId, scope, cancellationToken).ReadAheadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var hasEpisode = await episodes.MoveNextAsync();
        var hasAppointment = await appointments.MoveNextAsync();

        await foreach (var patient in ReadPatientRowsAsync(clinicId, scope, cancellationToken).ReadAheadAsync(cancellationToken))
        {
            history.Reset(patient.PatientId, patient.ClinicId, patient.ToConsent());

            while (hasEpisode && string.Equals(episodes.Current.PatientId, patient.PatientId, StringComparison.Ordinal))
            {
                history.Episodes.Add(episodes.Current.ToPatientEpisode());
                hasEpisode = await episodes.MoveNextAsync();
            }

            while (hasAppointment && string.Equals(appointments.Current.PatientId, patient.PatientId, StringComparison.Ordinal))
            {
                history.Appointments.Add(appointments.Current.ToPatientAppointment());
                hasAppointment = await appointments.MoveNextAsync();
            }

            yield return history;
        }

        if (hasEpisode)
        {
            throw RowOutOfStep("Episode", episodes.Current.EpisodeId, episodes.Current.PatientId);
        }

        if (hasAppointment)
        {
            throw RowOutOfStep("Appointment", appointments.Current.AppointmentId, appointments.Current.PatientId);
        }
    }

    /// <summary>The patient rows <see cref="ReadAsync"/> merges, streamed on a connection of their own.</summary>
    public IAsyncEnumerable<RetentionPatientRow> ReadPatientRowsAsync(string? clinicId, PatientScope scope, CancellationToken cancellationToken) =>
        StreamAsync<RetentionPatientRow>(
            Choose(scope, clinicId, AllPatientsSql, ClinicPatientsSql, SelectedPatientsSql, SelectedClinicPatientsSql, RecentPatientsSql, RecentClinicPatientsSql),
            clinicId,
            scope,
            cancellationToken);

    /// <summary>The episode rows <see cref="ReadAsync"/> merges, streamed on a connection of their own.</summary>
    public IAsyncEnumerable<RetentionEpisodeRow> ReadEpisodeRowsAsync(string? clinicId, PatientScope scope, CancellationToken cancellationToken) =>
        StreamAsync<RetentionEpisodeRow>(
            Choose(scope, clinicId, AllEpisodesSql, ClinicEpisodesSql, SelectedEpisodesSql, SelectedClinicEpisodesSql, RecentEpisodesSql, RecentClinicEpisodesSql),
            clinicId,
            scope,
            cancellationToken);

    /// <summary>
    /// The appointment rows <see cref="ReadAsync"/> merges, streamed on a connection of their own: also
    /// the benchmark's floor, the least any pull of the appointments the rules need can cost.
    /// </summary>
    public IAsyncEnumerable<RetentionAppointmentRow> ReadAppointmentRowsAsync(string? clinicId, CancellationToken cancellationToken) =>
        ReadAppointmentRowsAsync(clinicId, PatientScope.Everyone, cancellationToken);

    private IAsyncEnumerable<RetentionAppointmentRow> ReadAppointmentRowsAsync(string? clinicId, PatientScope scope, CancellationToken cancellationToken) =>
        StreamAsync<RetentionAppointmentRow>(
            Choose(scope, clinicId, AllAppointmentsSql, ClinicAppointmentsSql, SelectedAppointmentsSql, SelectedClinicAppointmentsSql, RecentAppointmentsSql, RecentClinicAppointmentsSql),
            clinicId,
            scope,
            cancellationToken);

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect) =>
        Statements().Select(statement => new KeyValuePair<string, string>(statement.Key, ForDialect(statement.Value, dialect)));

    /// <summary>
    /// The rules need only the date of an appointment, as a day number (<see cref="DateOnly.DayNumber"/>):
    /// asked of the database, it is one integer a row instead of a timestamp, which SQLite hands back as
    /// text for .NET to parse row by row (a large share of reading a million appointments).
    /// </summary>
    private static string ForDialect(string sql, SqlDialect dialect)
    {
        return sql.Replace(StartsOnDay, dialect.Provider switch
        {
            // julianday() of midnight on 0001-01-01 is 1721425.5; the time of day is a fraction the cast drops.
            DatabaseProvider.Sqlite => "CAST(julianday(starts_at) - 1721425.5 AS INTEGER)",
            DatabaseProvider.Postgres => "(starts_at::date - DATE '0001-01-01')",
            _ => "DATEDIFF(day, CAST('0001-01-01' AS date), starts_at)",
        }, StringComparison.Ordinal);
    }

    private static IEnumerable<KeyValuePair<string, string>> Statements()
    {
        yield return new("patients", AllPatientsSql);
        yield return new("patients.clinic", ClinicPatientsSql);
        yield return new("episodes", AllEpisodesSql);
        yield return new("episodes.clinic", ClinicEpisodesSql);
        yield return new("appointments", AllAppointmentsSql);
        yield return new("appointments.clinic", ClinicAppointmentsSql);
        yield return new("patients.selected", SelectedPatientsSql);
        yield return new("patients.clinic.selected", SelectedClinicPatientsSql);
        yield return new("episodes.selected", SelectedEpisodesSql);
        yield return new("episodes.clinic.selected", SelectedClinicEpisodesSql);
        yield return new("appointments.selected", SelectedAppointmentsSql);
        yield return new("appointments.clinic.selected", SelectedClinicAppointmentsSql);
        yield return new("patients.recent", RecentPatientsSql);
        yield return new("patients.clinic.recent", RecentClinicPatientsSql);
        yield return new("episodes.recent", RecentEpisodesSql);
        yield return new("episodes.clinic.recent", RecentClinicEpisodesSql);
        yield return new("appointments.recent", RecentAppointmentsSql);
        yield return new("appointments.clinic.recent", RecentClinicAppointmentsSql);
    }

    private static string Choose(
        PatientScope scope, string? clinicId, string all, string clinic, string selected, string selectedClinic, string recent, string recentClinic) => scope switch
        {
            { Selection: not null } => clinicId is null ? selected : selectedClinic,
            { ActiveSince: not null } => clinicId is null ? recent : recentClinic,
            _ => clinicId is null ? all : clinic,
        };

    private async IAsyncEnumerable<TRow> StreamAsync<TRow>(
        string sql, string? clinicId, PatientScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        sql = ForDialect(sql, _database.Dialect);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
        if (clinicId is not null)
        {
            parameters["ClinicId"] = clinicId;
        }

        if (scope.Selection is { } only)
        {
            parameters["AfterChange"] = only.AfterChange;
            parameters["UpToChange"] = only.UpToChange;
            parameters["DueBy"] = only.DueBy;
        }
        else if (scope.ActiveSince is { } since)
        {
            parameters["ActiveSince"] = since;
        }

        await foreach (var row in connection.QueryRowsAsync<TRow>(sql, parameters, cancellationToken))
        {
            yield return row;
        }
    }

    private static UserInputException RowOutOfStep(string kind, string id, string patientId) => new(
        $"{kind} {id} of patient {patientId} did not arrive with its patient while reading the histories: the data " +
        "changed during the read (an import running at the same time?) or the database holds it without its patient " +
        "(foreign keys off). Run again once the data is settled.");
}

/// <summary>
/// The patients a night's incremental refresh reads: those with a row in <c>patient_changes</c> after
/// <paramref name="AfterChange"/> up to <paramref name="UpToChange"/>, and those whose next possible
/// change (<c>patient_next_changes</c>) falls on or before <paramref name="DueBy"/>.
/// </summary>
internal sealed record PatientSelection(long AfterChange, long UpToChange, DateOnly DueBy);

/// <summary>
/// Which patients <see cref="PatientHistoryReader"/> reads: everyone; the nightly refresh's
/// <see cref="Selection"/>; or those with an appointment (of any status), an episode start or a discharge
/// on or after <see cref="ActiveSince"/>, a superset of everyone the rules can flag as of a date
/// (<c>FlagWriter.EarliestDateThatCanFlag</c>).
/// </summary>
internal sealed record PatientScope(PatientSelection? Selection, DateOnly? ActiveSince)
{
    public static PatientScope Everyone { get; } = new(null, null);

    public static PatientScope Only(PatientSelection? selection) => selection is null ? Everyone : new(selection, null);

    public static PatientScope ActiveOnOrAfter(DateOnly since) => new(null, since);
}
