using Dapper;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Data;

public sealed class ClinicDataWriterTests
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

    private static async Task AssertBatchCounts(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
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

    private static async Task AssertIdempotentRoundTrip(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
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
