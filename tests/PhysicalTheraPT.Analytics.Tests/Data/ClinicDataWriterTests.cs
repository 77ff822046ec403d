using System.Data.Common;
using Dapper;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Data;

public sealed class ClinicDataWriterTests(SharedDatabaseFixture fixture) : IClassFixture<SharedDatabaseFixture>
{
    [Fact]
    public Task Upsert_ChangesNothing_WhenSameRowsWrittenTwice_OnSqlite() => AssertIdempotentRoundTrip(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Upsert_ChangesNothing_WhenSameRowsWrittenTwice_OnPostgres() => AssertIdempotentRoundTrip(DatabaseProvider.Postgres);

    [SqlServerFact]
    public Task Upsert_ChangesNothing_WhenSameRowsWrittenTwice_OnSqlServer() => AssertIdempotentRoundTrip(DatabaseProvider.SqlServer);

    [Fact]
    public Task Upsert_CountsOnlyNewAndChangedRows_WhenBatchMixesNullsAndValues_OnSqlite() => AssertBatchCounts(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Upsert_CountsOnlyNewAndChangedRows_WhenBatchMixesNullsAndValues_OnPostgres() => AssertBatchCounts(DatabaseProvider.Postgres);

    [Fact]
    public Task Upsert_CountsAndStoresEachChange_WhenValuesBecomeNullAndNullsBecomeValues_OnSqlite() => AssertNullValueSwaps(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Upsert_CountsAndStoresEachChange_WhenValuesBecomeNullAndNullsBecomeValues_OnPostgres() => AssertNullValueSwaps(DatabaseProvider.Postgres);

    [Fact]
    public Task Upsert_KeepsTheLastRow_WhenAKeyComesTwiceInOneBatch_OnSqlite() => AssertLastRowWins(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Upsert_KeepsTheLastRow_WhenAKeyComesTwiceInOneBatch_OnPostgres() => AssertLastRowWins(DatabaseProvider.Postgres);

    [Fact]
    public Task Upsert_CountsEachBatchAlone_WhenOneTransactionWritesBatchAfterBatch_OnSqlite() => AssertBatchAfterBatch(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Upsert_CountsEachBatchAlone_WhenOneTransactionWritesBatchAfterBatch_OnPostgres() => AssertBatchAfterBatch(DatabaseProvider.Postgres);

    [Fact]
    public Task Upsert_CountsAndStoresTheChange_WhenDoNotContactIsSet_OnSqlite() => AssertDoNotContactChange(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Upsert_CountsAndStoresTheChange_WhenDoNotContactIsSet_OnPostgres() => AssertDoNotContactChange(DatabaseProvider.Postgres);

    [Fact]
    public Task Upsert_LeavesNothingWritten_WhenALaterBatchIsRefused_OnSqlite() => AssertRefusedBatchRollsBack(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Upsert_LeavesNothingWritten_WhenALaterBatchIsRefused_OnPostgres() => AssertRefusedBatchRollsBack(DatabaseProvider.Postgres);

    [PostgresFact]
    public async Task Upsert_StoresWallClockStartAndUtcBooking_OnPostgres()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Postgres);
        // starts_at keeps whole seconds: the .4 s is rounded away on the way in, so writing the same row
        // again must find it unchanged.
        var startsAt = new DateTime(2026, 3, 2, 9, 30, 15, 400, DateTimeKind.Unspecified);
        var bookedAt = new DateTime(2026, 2, 20, 15, 0, 0, DateTimeKind.Utc);
        var appointment = Appointment("a1") with { StartsAt = startsAt, BookedAt = bookedAt };

        var first = await WriteAppointmentBatchesAsync(test.Database, [appointment]);
        var again = await WriteAppointmentBatchesAsync(test.Database, [appointment]);

        Assert.Equal([1, 0], first.Concat(again));
        await using var connection = await test.Database.OpenAsync();
        await using var reader = await connection.ExecuteReaderAsync(
            "SELECT starts_at, booked_at, to_char(booked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM appointments");
        Assert.True(await reader.ReadAsync());
        Assert.Equal((new DateTime(2026, 3, 2, 9, 30, 15), DateTimeKind.Unspecified), (reader.GetDateTime(0), reader.GetDateTime(0).Kind));
        Assert.Equal((bookedAt, DateTimeKind.Utc), (reader.GetDateTime(1), reader.GetDateTime(1).Kind));
        Assert.Equal("2026-02-20 15:00:00", reader.GetString(2));
    }

    [PostgresFact]
    public async Task Upsert_NamesTheTableItself_WhenItRefusesANull_OnPostgres()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Postgres);
        await using var connection = await test.Database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var writer = await WriterWithReferenceRowsAsync(test.Database, connection, transaction);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => writer.UpsertAppointmentsAsync([Appointment("a1") with { Status = null! }], default));

        // The staging table takes none of the table's constraints: the table refuses the row, in the
        // words it uses row by row.
        Assert.Contains("column \"status\" of relation \"appointments\"", error.Message, StringComparison.Ordinal);
    }

    private static AppointmentRow Appointment(string appointmentId) =>
        new(appointmentId, "p1", "c1", null, null, "pt", new DateTime(2026, 3, 2, 9, 30, 0), "booked", null);

    /// <summary>A writer in <paramref name="transaction"/>, with clinic c1, provider pr1, patient p1 and episode e1 written.</summary>
    private static async Task<ClinicDataWriter> WriterWithReferenceRowsAsync(AnalyticsDatabase database, DbConnection connection, DbTransaction transaction)
    {
        var writer = new ClinicDataWriter(connection, transaction, database.Dialect);
        await writer.UpsertClinicsAsync([new ClinicRow("c1", "Eastside", "America/Denver")], default);
        await writer.UpsertProvidersAsync([new ProviderRow("pr1", "c1", "Dana Ruiz", "physical_therapy")], default);
        await writer.UpsertPatientsAsync([new PatientRow("p1", "c1", "Ann", "Lee", null, null, null, null, false)], default);
        await writer.UpsertEpisodesAsync([new EpisodeRow("e1", "p1", "c1", new DateOnly(2026, 3, 1), null, null, null, null, null, null)], default);
        return writer;
    }

    /// <summary>Writes each batch through one writer in one committed transaction; returns each batch's count.</summary>
    private static async Task<int[]> WriteAppointmentBatchesAsync(AnalyticsDatabase database, params AppointmentRow[][] batches)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var writer = await WriterWithReferenceRowsAsync(database, connection, transaction);
        var counts = new List<int>();
        foreach (var batch in batches)
        {
            counts.Add(await writer.UpsertAppointmentsAsync(batch, default));
        }

        await transaction.CommitAsync();
        return [.. counts];
    }

    private static async Task<List<(string Id, string Status, string? ProviderId, string? EpisodeId, bool Booked)>> ReadAppointmentsAsync(AnalyticsDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var reader = await connection.ExecuteReaderAsync(
            "SELECT appointment_id, status, provider_id, episode_id, booked_at FROM appointments ORDER BY appointment_id");
        var rows = new List<(string, string, string?, string?, bool)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), !reader.IsDBNull(4)));
        }

        return rows;
    }

    private async Task AssertNullValueSwaps(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        var bookedAt = new DateTime(2026, 2, 20, 15, 0, 0, DateTimeKind.Utc);
        var bare = Appointment("a1");
        var full = Appointment("a2") with { ProviderId = "pr1", EpisodeId = "e1", BookedAt = bookedAt };
        var first = await WriteAppointmentBatchesAsync(test.Database, [bare, full]);

        var again = await WriteAppointmentBatchesAsync(test.Database, [bare, full]);
        var swapped = await WriteAppointmentBatchesAsync(test.Database, [
            bare with { ProviderId = "pr1", EpisodeId = "e1", BookedAt = bookedAt },
            full with { ProviderId = null, EpisodeId = null, BookedAt = null },
            Appointment("a3"),
        ]);

        Assert.Equal([2, 0, 3], first.Concat(again).Concat(swapped));
        Assert.Equal(
            [("a1", "booked", "pr1", "e1", true), ("a2", "booked", null, null, false), ("a3", "booked", null, null, false)],
            await ReadAppointmentsAsync(test.Database));
    }

    private async Task AssertLastRowWins(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        await WriteAppointmentBatchesAsync(test.Database, [Appointment("a1"), Appointment("a2")]);

        await WriteAppointmentBatchesAsync(test.Database, [
            Appointment("a1") with { Status = "cancelled" },
            Appointment("a2") with { Status = "no_show" },
            Appointment("a1") with { Status = "completed", ProviderId = "pr1" },
            Appointment("a2"),
        ]);

        Assert.Equal(
            [("a1", "completed", "pr1", null, false), ("a2", "booked", null, null, false)],
            await ReadAppointmentsAsync(test.Database));
    }

    private async Task AssertBatchAfterBatch(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        await using var connection = await test.Database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var writer = await WriterWithReferenceRowsAsync(test.Database, connection, transaction);
        var secondWriter = new ClinicDataWriter(connection, transaction, test.Database.Dialect);

        int[] counts =
        [
            await writer.UpsertAppointmentsAsync([Appointment("a1")], default),
            // Had the first batch stayed behind, a1 would come twice and be refused or counted again.
            await writer.UpsertAppointmentsAsync([Appointment("a1") with { Status = "completed" }], default),
            await writer.UpsertAppointmentsAsync([Appointment("a1") with { Status = "completed" }, Appointment("a2")], default),
            await secondWriter.UpsertAppointmentsAsync([Appointment("a2") with { Status = "no_show" }], default),
        ];
        await transaction.CommitAsync();

        Assert.Equal([1, 1, 1, 1], counts);
        Assert.Equal(
            [("a1", "completed", null, null, false), ("a2", "no_show", null, null, false)],
            await ReadAppointmentsAsync(test.Database));
    }

    private async Task AssertDoNotContactChange(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        var patient = new PatientRow("p2", "c1", "Bob", "Ng", new DateOnly(1975, 1, 31), null, null, null, DoNotContact: false);
        var counts = new List<int>();
        foreach (var version in new[] { patient, patient, patient with { DoNotContact = true } })
        {
            await using var connection = await test.Database.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var writer = await WriterWithReferenceRowsAsync(test.Database, connection, transaction);
            counts.Add(await writer.UpsertPatientsAsync([version], default));
            await transaction.CommitAsync();
        }

        Assert.Equal([1, 0, 1], counts);
        await using var check = await test.Database.OpenAsync();
        await using var reader = await check.ExecuteReaderAsync("SELECT do_not_contact, birth_date FROM patients WHERE patient_id = 'p2'");
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetBoolean(0));
        Assert.Equal(new DateTime(1975, 1, 31), reader.GetDateTime(1));
    }

    private async Task AssertRefusedBatchRollsBack(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        await using (var connection = await test.Database.OpenAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var writer = await WriterWithReferenceRowsAsync(test.Database, connection, transaction);
            await writer.UpsertAppointmentsAsync([Appointment("a1"), Appointment("a2")], default);

            await Assert.ThrowsAnyAsync<DbException>(() =>
                writer.UpsertAppointmentsAsync([Appointment("a3"), Appointment("a4") with { PatientId = "nobody" }], default));
        }

        Assert.Equal(0, (await DatabaseSnapshot.TakeAsync(test.Database)).TotalRows);
    }

    private async Task AssertBatchCounts(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        await WriteAsync(test.Database, new AppointmentRow("a1", "p1", "c1", "pr1", "e1", "pt", new DateTime(2026, 3, 2, 9, 30, 0), "completed", null));
        EpisodeRow[] episodes =
        [
            new("e1", "p1", "c1", new DateOnly(2026, 3, 1), null, null, "low back pain", "lumbar", "physician", null),
            new("e2", "p1", "c1", new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1), "goals_met", null, null, null, 21),
            new("e3", "p1", "c1", new DateOnly(2026, 7, 1), null, "other", null, "neck", null, null),
        ];

        var first = await WriteEpisodesAsync(test.Database, episodes);
        var again = await WriteEpisodesAsync(test.Database, episodes);
        var oneChanged = await WriteEpisodesAsync(test.Database, [episodes[0], episodes[1] with { MaintenanceIntervalDays = null }, episodes[2]]);

        Assert.Equal((2, 0, 1), (first, again, oneChanged));
        await using var connection = await test.Database.OpenAsync();
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM episodes"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM episodes WHERE maintenance_interval_days IS NOT NULL"));
    }

    private static async Task<int> WriteEpisodesAsync(AnalyticsDatabase database, IReadOnlyList<EpisodeRow> episodes)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var changed = await new ClinicDataWriter(connection, transaction, database.Dialect).UpsertEpisodesAsync(episodes, default);
        await transaction.CommitAsync();
        return changed;
    }

    private async Task AssertIdempotentRoundTrip(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        var appointment = new AppointmentRow("a1", "p1", "c1", "pr1", "e1", "pt", new DateTime(2026, 3, 2, 9, 30, 0), "completed", new DateTime(2026, 2, 20, 15, 0, 0, DateTimeKind.Utc));

        var first = await WriteAsync(test.Database, appointment);
        var second = await WriteAsync(test.Database, appointment);
        var third = await WriteAsync(test.Database, appointment with { Status = "no_show" });

        Assert.Equal(5, first);
        Assert.Equal(0, second);
        Assert.Equal(1, third);
        await using var connection = await test.Database.OpenAsync();
        // Read back through the provider's own reader: SQLite hands dates back as text, the servers as
        // typed values; either way the same date must come out.
        await using var reader = await connection.ExecuteReaderAsync("SELECT a.starts_at, a.status, e.started_on, e.discharged_on FROM appointments a JOIN episodes e ON e.episode_id = a.episode_id");
        Assert.True(await reader.ReadAsync());
        Assert.Equal(appointment.StartsAt, reader.GetDateTime(0));
        Assert.Equal("no_show", reader.GetString(1));
        Assert.Equal(new DateTime(2026, 3, 1), reader.GetDateTime(2));
        Assert.True(await reader.IsDBNullAsync(3));
    }

    private static async Task<int> WriteAsync(AnalyticsDatabase database, AppointmentRow appointment)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var writer = new ClinicDataWriter(connection, transaction, database.Dialect);
        var changed = await writer.UpsertClinicsAsync([new ClinicRow("c1", "Eastside", "America/Denver")], default)
            + await writer.UpsertProvidersAsync([new ProviderRow("pr1", "c1", "Dana Ruiz", "physical_therapy")], default)
            + await writer.UpsertPatientsAsync([new PatientRow("p1", "c1", "Ann", "Lee", new DateOnly(1980, 5, 1), "555-0100", "ann@example.com", "sms", false)], default)
            + await writer.UpsertEpisodesAsync([new EpisodeRow("e1", "p1", "c1", new DateOnly(2026, 3, 1), null, null, "low back pain", "lumbar", "physician", null)], default)
            + await writer.UpsertAppointmentsAsync([appointment], default);
        await transaction.CommitAsync();
        return changed;
    }
}
