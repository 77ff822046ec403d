using System.Data.Common;
using Dapper;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// <c>outreach_items</c> and what the rules read beside it (recent declines, do-not-contact, bookings
/// and new episodes since an item was listed), on the caller's connection and transaction, so a refresh
/// or an import lands whole or not at all.
/// </summary>
internal sealed class OutreachItemStore(DbConnection connection, DbTransaction? transaction, AnalyticsDatabase database) : ISqlStatements
{
    private const string ItemColumns = """
        item_id AS ItemId, clinic_id AS ClinicId, patient_id AS PatientId, flag AS Flag, reason AS Reason,
        priority AS Priority, first_listed AS FirstListed, status AS Status, close_reason AS CloseReason,
        closed_on AS ClosedOn, attempts AS Attempts, last_outcome AS LastOutcome, last_contact_on AS LastContactOn
        """;

    private const string OpenItemsSql = $"SELECT {ItemColumns} FROM outreach_items WHERE clinic_id = @ClinicId AND status = 'open'";

    private const string RecentlyClosedSql = $"SELECT {ItemColumns} FROM outreach_items WHERE clinic_id = @ClinicId AND status = 'closed' AND closed_on >= @Since";

    private const string PatientItemsSql = $"SELECT {ItemColumns} FROM outreach_items WHERE clinic_id = @ClinicId AND patient_id = @PatientId";

    private const string RecentDeclinesSql = """
        SELECT patient_id AS PatientId, MAX(outcome_on) AS DeclinedOn
        FROM outreach_outcomes
        WHERE clinic_id = @ClinicId AND outcome = 'declined' AND outcome_on >= @Since
        GROUP BY patient_id
        """;

    // The patients whose own row may say they are not to be contacted (do-not-contact, a recorded death,
    // a channel withheld); ContactConsent decides. The flags leave them out already, but a stored set of
    // flags can predate the import that recorded the death.
    private const string RestrictedPatientsSql = """
        SELECT patient_id AS PatientId, clinic_id AS ClinicId, do_not_contact AS DoNotContact, deceased_on AS DeceasedOn,
               allow_phone AS AllowPhone, allow_sms AS AllowSms, allow_email AS AllowEmail
        FROM patients
        WHERE clinic_id = @ClinicId
          AND (do_not_contact = @Yes OR deceased_on IS NOT NULL OR allow_phone = @No OR allow_sms = @No OR allow_email = @No)
        """;

    // starts_at is a wall-clock timestamp and first_listed a date: a timestamp on the day itself counts.
    private const string BookedSinceListedSql = """
        SELECT i.item_id
        FROM outreach_items i
        WHERE i.clinic_id = @ClinicId AND i.status = 'open'
          AND EXISTS (
              SELECT 1 FROM appointments a
              WHERE a.patient_id = i.patient_id
                AND a.service = 'maintenance_massage'
                AND a.status IN ('booked', 'completed')
                AND a.starts_at >= i.first_listed)
        """;

    // Back in treatment: a recorded episode that started, or an acute visit kept or booked, since listing.
    private const string NewEpisodeSinceListedSql = """
        SELECT i.item_id
        FROM outreach_items i
        WHERE i.clinic_id = @ClinicId AND i.status = 'open'
          AND (EXISTS (
                  SELECT 1 FROM episodes e
                  WHERE e.patient_id = i.patient_id AND e.started_on >= i.first_listed)
               OR EXISTS (
                  SELECT 1 FROM appointments a
                  WHERE a.patient_id = i.patient_id
                    AND a.service IN ('pt', 'recovery_massage')
                    AND a.status IN ('booked', 'completed')
                    AND a.starts_at >= i.first_listed))
        """;

    private const string InsertSql = """
        INSERT INTO outreach_items (item_id, clinic_id, patient_id, flag, reason, priority, first_listed, status,
                                    close_reason, closed_on, attempts, last_outcome, last_contact_on)
        VALUES (@ItemId, @ClinicId, @PatientId, @Flag, @Reason, @Priority, @FirstListed, @Status,
                @CloseReason, @ClosedOn, @Attempts, @LastOutcome, @LastContactOn)
        """;

    private const string UpdateSql = """
        UPDATE outreach_items
        SET flag = @Flag, reason = @Reason, priority = @Priority, status = @Status, close_reason = @CloseReason,
            closed_on = @ClosedOn, attempts = @Attempts, last_outcome = @LastOutcome, last_contact_on = @LastContactOn
        WHERE item_id = @ItemId
        """;

    /// <summary>
    /// The state of every patient of the clinic with outreach history that can still matter as of
    /// <paramref name="asOf"/>: open items, items closed within the cooldown, declines within the
    /// suppression, and do-not-contact (front desk's, or the patient row's: deceased, do-not-contact or no
    /// channel allowed, all held as do-not-contact).
    /// </summary>
    public async Task<Dictionary<string, OutreachPatientState>> ReadStatesAsync(
        string clinicId, DateOnly asOf, OutreachOptions options, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, OutreachPatientState>(StringComparer.Ordinal);
        OutreachPatientState StateOf(string patientId) => states.GetValueOrDefault(patientId) ?? new OutreachPatientState(patientId);

        foreach (var row in await QueryAsync<OutreachItemRow>(OpenItemsSql, new { ClinicId = clinicId }, cancellationToken))
        {
            states[row.PatientId] = StateOf(row.PatientId) with { OpenItem = row.ToItem() };
        }

        var closed = await QueryAsync<OutreachItemRow>(RecentlyClosedSql, new { ClinicId = clinicId, Since = asOf.AddDays(-options.CooldownDays) }, cancellationToken);
        foreach (var row in closed.OrderBy(row => row.ClosedOn).ThenBy(row => row.ItemId, StringComparer.Ordinal))
        {
            states[row.PatientId] = StateOf(row.PatientId) with { LastClosedItem = row.ToItem() };
        }

        var declines = await QueryAsync<DeclineRow>(RecentDeclinesSql, new { ClinicId = clinicId, Since = asOf.AddDays(-options.DeclineSuppressDays) }, cancellationToken);
        foreach (var row in declines)
        {
            states[row.PatientId] = StateOf(row.PatientId) with { LastDeclinedOn = row.DeclinedOn };
        }

        foreach (var patientId in await QueryAsync<string>(OutreachDoNotContact.ClinicSql, new { ClinicId = clinicId }, cancellationToken))
        {
            states[patientId] = StateOf(patientId) with { DoNotContact = true };
        }

        foreach (var row in await QueryAsync<RetentionPatientRow>(RestrictedPatientsSql, new { ClinicId = clinicId, Yes = true, No = false }, cancellationToken))
        {
            if (!row.ToConsent().MayBeContacted)
            {
                states[row.PatientId] = StateOf(row.PatientId) with { DoNotContact = true };
            }
        }

        return states;
    }

    /// <summary>Ids of the clinic's open items whose patient booked maintenance on or after the item was listed.</summary>
    public async Task<IReadOnlySet<string>> BookedSinceListedAsync(string clinicId, CancellationToken cancellationToken) =>
        (await QueryAsync<string>(BookedSinceListedSql, new { ClinicId = clinicId }, cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Ids of the clinic's open items whose patient came back for treatment on or after the item was listed.</summary>
    public async Task<IReadOnlySet<string>> NewEpisodeSinceListedAsync(string clinicId, CancellationToken cancellationToken) =>
        (await QueryAsync<string>(NewEpisodeSinceListedSql, new { ClinicId = clinicId }, cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every item of one patient of the clinic, open and closed.</summary>
    public async Task<IReadOnlyList<OutreachItem>> ReadPatientItemsAsync(string clinicId, string patientId, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<OutreachItemRow>(PatientItemsSql, new { ClinicId = clinicId, PatientId = patientId }, cancellationToken)).Select(row => row.ToItem())];

    public Task<int> InsertAsync(IEnumerable<OutreachItem> items, CancellationToken cancellationToken) =>
        ExecuteAsync(InsertSql, items.Select(OutreachItemRow.From).ToList(), cancellationToken);

    /// <summary>Writes every column of each item but its identity (clinic, patient, first listed).</summary>
    public Task<int> UpdateAsync(IEnumerable<OutreachItem> items, CancellationToken cancellationToken) =>
        ExecuteAsync(UpdateSql, items.Select(OutreachItemRow.From).ToList(), cancellationToken);

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("open items", OpenItemsSql);
        yield return new("recently closed", RecentlyClosedSql);
        yield return new("patient items", PatientItemsSql);
        yield return new("recent declines", RecentDeclinesSql);
        yield return new("do not contact", OutreachDoNotContact.ClinicSql);
        yield return new("restricted patients", RestrictedPatientsSql);
        yield return new("booked since listed", BookedSinceListedSql);
        yield return new("new episode since listed", NewEpisodeSinceListedSql);
        yield return new("insert", InsertSql);
        yield return new("update", UpdateSql);
    }

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql, object parameters, CancellationToken cancellationToken) =>
        await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    // A clinic's first refresh opens an item per flagged patient: thousands of rows, batched on a server.
    private async Task<int> ExecuteAsync(string sql, IReadOnlyList<OutreachItemRow> rows, CancellationToken cancellationToken) =>
        rows.Count == 0 ? 0 : await database.RowWriter(connection, transaction).ExecuteAsync(sql, rows, cancellationToken);

    private sealed class DeclineRow
    {
        public string PatientId { get; init; } = "";

        public DateOnly DeclinedOn { get; init; }
    }
}
