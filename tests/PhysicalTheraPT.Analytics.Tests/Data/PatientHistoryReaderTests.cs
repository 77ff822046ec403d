using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Data;

public sealed class PatientHistoryReaderTests(SharedDatabaseFixture fixture) : IClassFixture<SharedDatabaseFixture>
{
    // Rows are written out of date and id order on purpose: the order must come from the queries.
    private static readonly string[] ExpectedHistories =
    [
        "p01 c1 dnc=False | e1 2026-01-05..2026-02-20 goals_met lumbar physician 21d, e2 2026-04-01.. | " +
            "a03 2026-01-05 PhysicalTherapy Completed c1 pr1 e1, a01 2026-01-07 RecoveryMassage Completed c1 pr2 e1, " +
            "a02 2026-01-07 PhysicalTherapy NoShow c1 - e1, a04 2026-03-10 MaintenanceMassage Completed c2 pr2 -, " +
            "a05 2026-04-01 PhysicalTherapy Booked c1 pr1 e2",
        "p02 c1 dnc=True | - | -",
        "p03 c2 dnc=False | - | a07 2025-12-31 PhysicalTherapy Cancelled c2 - -, a06 2026-01-02 PhysicalTherapy Completed c2 - -",
        "p04 c2 dnc=False | e3 2026-02-01..2026-02-02 other - - | -",
    ];

    [Fact]
    public Task ReadAsync_GroupsEveryRowPerPatientInDateOrder_OnSqlite() => AssertReadsAllHistories(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ReadAsync_GroupsEveryRowPerPatientInDateOrder_OnPostgres() => AssertReadsAllHistories(DatabaseProvider.Postgres);

    [PostgresFact]
    public async Task ReadAsync_StreamsIdenticalSequences_OnSqliteAndPostgres()
    {
        var sqlite = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        var postgres = await fixture.ResetAsync(DatabaseProvider.Postgres);
        var data = MixedHistoryData();
        await data.WriteAsync(sqlite.Database);
        await data.WriteAsync(postgres.Database);

        var fromSqlite = await DescribeAllAsync(sqlite.Database, clinicId: null);
        var fromPostgres = await DescribeAllAsync(postgres.Database, clinicId: null);

        Assert.Equal(fromSqlite, fromPostgres);
    }

    [Fact]
    public Task ReadAsync_ReturnsTheClinicsPatientsWithTheirWholeHistory_WhenClinicGiven_OnSqlite() => AssertClinicFilter(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ReadAsync_ReturnsTheClinicsPatientsWithTheirWholeHistory_WhenClinicGiven_OnPostgres() => AssertClinicFilter(DatabaseProvider.Postgres);

    [Fact]
    public async Task ReadAsync_YieldsOneReusedInstance_SoOnlyOnePatientIsEverHeld()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        await MixedHistoryData().WriteAsync(test.Database);
        var seen = new List<PatientHistory>();

        await foreach (var history in new PatientHistoryReader(test.Database).ReadAsync())
        {
            seen.Add(history);
        }

        Assert.Equal(4, seen.Count);
        Assert.All(seen, history => Assert.Same(seen[0], history));
    }

    [Fact]
    public async Task ReadAsync_YieldsNothing_WhenDatabaseIsEmpty()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);

        var histories = await DescribeAllAsync(test.Database, clinicId: null);

        Assert.Empty(histories);
    }

    [Fact]
    public async Task ReadAsync_Throws_WhenAnAppointmentHasNoPatient()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        await new ClinicDataBuilder().Clinic("c1").Patient("p1").Appointment("a1", "p1", "2026-01-05").WriteAsync(test.Database);
        // Only a database with its foreign keys off can hold this row; the reader must not skip it silently.
        var withoutForeignKeys = new SqliteConnectionStringBuilder(test.Database.ConnectionString) { ForeignKeys = false };
        await using (var connection = new SqliteConnection(withoutForeignKeys.ToString()))
        {
            await connection.ExecuteAsync(
                "INSERT INTO appointments (appointment_id, patient_id, clinic_id, service, starts_at, status) VALUES ('a2', 'p9', 'c1', 'pt', '2026-01-06 09:00:00', 'completed')");
        }

        var error = await Assert.ThrowsAsync<UserInputException>(() => DescribeAllAsync(test.Database, clinicId: null));

        Assert.Contains("Appointment a2 of patient p9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TakesTheDateFromTheLocalStartTime_WhenLateInTheEvening()
    {
        var test = await fixture.ResetAsync(DatabaseProvider.Sqlite);
        await new ClinicDataBuilder().Clinic("c1").Patient("p1").Appointment("a1", "p1", "2026-01-05 23:59").WriteAsync(test.Database);

        var histories = await DescribeAllAsync(test.Database, clinicId: null);

        Assert.Equal(["p1 c1 dnc=False | - | a1 2026-01-05 PhysicalTherapy Completed c1 - -"], histories);
    }

    private async Task AssertReadsAllHistories(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        await MixedHistoryData().WriteAsync(test.Database);

        var histories = await DescribeAllAsync(test.Database, clinicId: null);

        Assert.Equal(ExpectedHistories, histories);
    }

    private async Task AssertClinicFilter(DatabaseProvider provider)
    {
        var test = await fixture.ResetAsync(provider);
        await MixedHistoryData().WriteAsync(test.Database);

        var clinic1 = await DescribeAllAsync(test.Database, clinicId: "c1");
        var clinic2 = await DescribeAllAsync(test.Database, clinicId: "c2");
        var unknown = await DescribeAllAsync(test.Database, clinicId: "c9");

        // p01 belongs to c1, so their maintenance visit at c2 (a04) comes with them.
        Assert.Equal(ExpectedHistories[..2], clinic1);
        Assert.Equal(ExpectedHistories[2..], clinic2);
        Assert.Empty(unknown);
    }

    private static ClinicDataBuilder MixedHistoryData() => new ClinicDataBuilder()
        .Clinic("c1")
        .Clinic("c2", "America/New_York")
        .Provider("pr1", "c1")
        .Provider("pr2", "c1", "Sam Ode", "massage_therapy")
        .Patient("p04", "c2")
        .Patient("p02", "c1", doNotContact: true)
        .Patient("p01", "c1")
        .Patient("p03", "c2")
        .Episode("e2", "p01", "2026-04-01")
        .Episode("e1", "p01", "2026-01-05", "2026-02-20", "goals_met", bodyRegion: "lumbar", referralSource: "physician", maintenanceIntervalDays: 21)
        .Episode("e3", "p04", "2026-02-01", "2026-02-02", "other")
        .Appointment("a05", "p01", "2026-04-01 08:00", status: "booked", episodeId: "e2", providerId: "pr1")
        .Appointment("a04", "p01", "2026-03-10", "maintenance_massage", providerId: "pr2", clinicId: "c2")
        // a01 and a02 start at the same minute: the id decides.
        .Appointment("a02", "p01", "2026-01-07 10:00", status: "no_show", episodeId: "e1")
        .Appointment("a01", "p01", "2026-01-07 10:00", "recovery_massage", episodeId: "e1", providerId: "pr2")
        .Appointment("a03", "p01", "2026-01-05 17:30", episodeId: "e1", providerId: "pr1")
        .Appointment("a06", "p03", "2026-01-02")
        .Appointment("a07", "p03", "2025-12-31", status: "cancelled");

    private static async Task<List<string>> DescribeAllAsync(AnalyticsDatabase database, string? clinicId)
    {
        var described = new List<string>();
        await foreach (var history in new PatientHistoryReader(database).ReadAsync(clinicId))
        {
            described.Add(Describe(history));
        }

        return described;
    }

    private static string Describe(PatientHistory history)
    {
        var episodes = history.Episodes.Select(episode => string.Join(' ', new[]
        {
            episode.EpisodeId,
            $"{Date(episode.StartedOn)}..{(episode.DischargedOn is { } discharged ? Date(discharged) : "")}",
            episode.DischargeReason,
            episode.BodyRegion ?? (episode.DischargeReason is null ? null : "-"),
            episode.ReferralSource ?? (episode.DischargeReason is null ? null : "-"),
            episode.MaintenanceIntervalDays is { } days ? $"{days}d" : null,
        }.Where(part => part is not null)));
        var appointments = history.Appointments.Select(appointment =>
            $"{appointment.AppointmentId} {Date(appointment.Date)} {appointment.Service} {appointment.Status} {appointment.ClinicId} {appointment.ProviderId ?? "-"} {appointment.EpisodeId ?? "-"}");
        return $"{history.PatientId} {history.ClinicId} dnc={history.DoNotContact} | {JoinOrDash(episodes)} | {JoinOrDash(appointments)}";
    }

    private static string JoinOrDash(IEnumerable<string> parts)
    {
        var joined = string.Join(", ", parts);
        return joined.Length == 0 ? "-" : joined;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
