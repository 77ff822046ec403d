using System.Globalization;
using Dapper;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

/// <summary>
/// One day of a clinic group's life, drawn from a seeded random source and applied the same way to
/// several identical stores: through <see cref="ClinicDataWriter"/> as the import and the sync write, and
/// by plain SQL for what no writer does yet (deletions, front desk's outcomes). The rows to touch are
/// chosen from the first store, by id, so every store gets the same change.
/// </summary>
internal sealed class SimulatedNight(int seed)
{
    private static readonly string[] Services = ["pt", "recovery_massage", "maintenance_massage"];
    private static readonly string[] DischargeReasons = ["goals_met", "self_discharged", "referred_out", "other"];

    private readonly Random _random = new(seed);
    private int _ids;

    /// <summary>What the last <see cref="ChangeAsync"/> did, counted, for a failure's message.</summary>
    public string Description { get; private set; } = "";

    /// <summary>Mostly the next day; now and then a night is skipped.</summary>
    public int DaysToNextNight() => _random.Next(10) == 0 ? 2 : 1;

    /// <summary>The Retention settings of night <paramref name="night"/>: the defaults, changed on two nights.</summary>
    public IEnumerable<KeyValuePair<string, string?>> RetentionSettingsFor(int night) => night switch
    {
        < 21 => [],
        < 42 => [new("Retention:GraceDays", "10"), new("Retention:LapseFactor", "1.25")],
        _ => [new("Retention:GraceDays", "10"), new("Retention:LapseFactor", "1.25"), new("Retention:ImplicitDischargeDays", "28")],
    };

    public bool SettingsChangedOn(int night) => night is 21 or 42;

    public async Task ChangeAsync(IReadOnlyList<TestDatabase> stores, DateOnly asOf, CancellationToken cancellationToken)
    {
        var first = stores[0].Database;
        await using var reading = await first.OpenAsync(cancellationToken);
        var appointments = (await reading.QueryAsync<Appointment>(
            "SELECT appointment_id AS AppointmentId, patient_id AS PatientId, clinic_id AS ClinicId, provider_id AS ProviderId, episode_id AS EpisodeId, service AS Service, starts_at AS StartsAt, status AS Status FROM appointments ORDER BY appointment_id")).ToList();
        var episodes = (await reading.QueryAsync<(string EpisodeId, string PatientId, string ClinicId)>(
            "SELECT episode_id, patient_id, clinic_id FROM episodes WHERE discharged_on IS NULL ORDER BY episode_id")).ToList();
        var patients = (await reading.QueryAsync<(string PatientId, string ClinicId)>(
            "SELECT patient_id, clinic_id FROM patients ORDER BY patient_id")).ToList();
        var openItems = (await reading.QueryAsync<(string ClinicId, string PatientId, string Flag)>(
            "SELECT clinic_id, patient_id, flag FROM outreach_items WHERE status = 'open' ORDER BY clinic_id, patient_id")).ToList();
        var yesterday = asOf.AddDays(-1);

        var upserts = new List<AppointmentRow>();
        // Yesterday's bookings: most completed, some no-shows, a few left booked (stale).
        foreach (var booked in appointments.Where(row => row.Status == "booked" && DateOnly.FromDateTime(row.StartsAt) < asOf && DateOnly.FromDateTime(row.StartsAt) >= yesterday.AddDays(-1)))
        {
            var draw = _random.Next(10);
            if (draw < 9)
            {
                upserts.Add(booked.Row(draw < 7 ? "completed" : "no_show"));
            }
        }

        var future = appointments.Where(row => row.Status == "booked" && DateOnly.FromDateTime(row.StartsAt) >= asOf).ToList();
        var cancelled = Pick(future, _random.Next(4));
        upserts.AddRange(cancelled.Select(row => row.Row("cancelled")));

        var newBookings = _random.Next(1, 7);
        for (var i = 0; i < newBookings; i++)
        {
            var patient = patients[_random.Next(patients.Count)];
            var service = Services[_random.Next(Services.Length)];
            var episode = service != "maintenance_massage" && _random.Next(2) == 0 ? episodes.FirstOrDefault(row => row.PatientId == patient.PatientId).EpisodeId : null;
            var day = asOf.AddDays(_random.Next(0, 22));
            upserts.Add(new AppointmentRow(NewId("a"), patient.PatientId, patient.ClinicId, null, episode, service, day.ToDateTime(new TimeOnly(9 + _random.Next(8), 0)), "booked", null));
        }

        var deleted = Pick(future.Except(cancelled).ToList(), _random.Next(3)).Select(row => row.AppointmentId).ToList();
        if (_random.Next(5) == 0)
        {
            deleted.AddRange(Pick(appointments.Where(row => row.Status == "completed").ToList(), 1).Select(row => row.AppointmentId));
        }

        var discharges = Pick(episodes, _random.Next(3)).Select(row => (row.EpisodeId, Reason: DischargeReasons[_random.Next(DischargeReasons.Length)])).ToList();
        var newEpisodes = Enumerable.Range(0, _random.Next(3)).Select(_ => patients[_random.Next(patients.Count)])
            .Select(patient => new EpisodeRow(NewId("e"), patient.PatientId, patient.ClinicId, yesterday, null, null, null, "knee", "physician", _random.Next(2) == 0 ? null : 21))
            .ToList();
        // Every new episode gets its first visit, booked for the coming days.
        upserts.AddRange(newEpisodes.Select(episode => new AppointmentRow(NewId("a"), episode.PatientId, episode.ClinicId, null, episode.EpisodeId, "pt", asOf.AddDays(2).ToDateTime(new TimeOnly(10, 0)), "booked", null)));

        var exportDoNotContact = _random.Next(10) == 0 ? Pick(patients, 1) : [];
        var frontDesk = openItems.Count > 0 && _random.Next(3) == 0 ? Pick(openItems, 1) : [];
        var frontDeskOutcome = _random.Next(4) == 0 ? "do_not_contact" : _random.Next(2) == 0 ? "declined" : "not_reached";

        foreach (var store in stores)
        {
            await using var connection = await store.Database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var writer = new ClinicDataWriter(connection, transaction, store.Database.Dialect);
            await writer.UpsertEpisodesAsync(newEpisodes, cancellationToken);
            await writer.UpsertAppointmentsAsync(upserts, cancellationToken);
            await connection.ExecuteAsync(
                "UPDATE episodes SET discharged_on = @On, discharge_reason = @Reason WHERE episode_id = @EpisodeId",
                discharges.Select(discharge => new { On = yesterday, discharge.Reason, discharge.EpisodeId }),
                transaction);

            await connection.ExecuteAsync("DELETE FROM appointments WHERE appointment_id = @Id", deleted.Select(id => new { Id = id }), transaction);
            await connection.ExecuteAsync(
                "UPDATE patients SET do_not_contact = NOT do_not_contact WHERE patient_id = @PatientId",
                exportDoNotContact.Select(patient => new { patient.PatientId }),
                transaction);
            foreach (var item in frontDesk)
            {
                await RecordOutcomeAsync(connection, transaction, item, frontDeskOutcome, yesterday);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        Description = string.Create(CultureInfo.InvariantCulture,
            $"{upserts.Count} appointments written ({newBookings} new bookings, {cancelled.Count} cancelled), {deleted.Count} deleted, {discharges.Count} discharged, {newEpisodes.Count} new episodes, {exportDoNotContact.Count} do-not-contact flips, {frontDesk.Count} front-desk {frontDeskOutcome}");
    }

    private static async Task RecordOutcomeAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, (string ClinicId, string PatientId, string Flag) item, string outcome, DateOnly on)
    {
        var itemId = await connection.QuerySingleAsync<string>(
            "SELECT item_id FROM outreach_items WHERE clinic_id = @ClinicId AND patient_id = @PatientId AND status = 'open'", new { item.ClinicId, item.PatientId }, transaction);
        var outcomeId = Guid.NewGuid().ToString("N");
        await connection.ExecuteAsync(
            """
            INSERT INTO outreach_outcomes (outcome_id, item_id, clinic_id, patient_id, flag, list_as_of, outcome, outcome_on, staff_initials, source_file, recorded_at)
            VALUES (@OutcomeId, @ItemId, @ClinicId, @PatientId, @Flag, @On, @Outcome, @On, 'AB', 'list.xlsx', @RecordedAt)
            """,
            new { OutcomeId = outcomeId, ItemId = itemId, item.ClinicId, item.PatientId, item.Flag, On = on, Outcome = outcome, RecordedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
            transaction);
        if (outcome == "do_not_contact")
        {
            await connection.ExecuteAsync(
                "INSERT INTO outreach_do_not_contact (patient_id, clinic_id, since, staff_initials, outcome_id) VALUES (@PatientId, @ClinicId, @On, 'AB', @OutcomeId)",
                new { item.PatientId, item.ClinicId, On = on, OutcomeId = outcomeId },
                transaction);
        }
    }

    private List<T> Pick<T>(IReadOnlyList<T> rows, int count) =>
        rows.Count == 0 ? [] : [.. Enumerable.Range(0, count).Select(_ => rows[_random.Next(rows.Count)]).Distinct()];

    private string NewId(string prefix) => string.Create(CultureInfo.InvariantCulture, $"sim-{prefix}{++_ids:D5}");

    /// <summary>An appointment as read back, to be written again with another status.</summary>
    private sealed class Appointment
    {
        public string AppointmentId { get; init; } = "";

        public string PatientId { get; init; } = "";

        public string ClinicId { get; init; } = "";

        public string? ProviderId { get; init; }

        public string? EpisodeId { get; init; }

        public string Service { get; init; } = "";

        public DateTime StartsAt { get; init; }

        public string Status { get; init; } = "";

        public AppointmentRow Row(string status) => new(AppointmentId, PatientId, ClinicId, ProviderId, EpisodeId, Service, StartsAt, status, null);
    }
}
