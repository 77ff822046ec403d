using Dapper;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Sources;

/// <summary>
/// A database source is mirrored: what the practice database no longer has, the store no longer counts,
/// identical rows are left alone, and a sync that would wipe a clinic's history is refused.
/// </summary>
public sealed class SourceMirrorTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 1);

    [Fact]
    public async Task Sync_RemovesTheRowDeletedAtTheSource_AndLeavesIdenticalRowsUntouched()
    {
        // Arrange
        await using var practice = await PracticeWithVisitsAsync(visits: 20);
        using var store = TestDatabase.CreateSqlite();
        var harness = new SourceSyncHarness(store.Database);
        await harness.SyncAsync(practice.Source());
        await practice.Database.ExecuteAsync("DELETE FROM visit WHERE visit_ref = 'v07'");

        // Act
        var result = await harness.SyncAsync(practice.Source());

        // Assert
        var appointments = result.Tables.Single(table => table.Table == "appointments");
        Assert.Equal((19, 0, 0, 19, 1), (appointments.Read, appointments.New, appointments.Changed, appointments.Unchanged, appointments.Removed));
        await using var connection = await store.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM appointments WHERE appointment_id = 'v07'"));
        Assert.Equal(19, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM appointments"));
    }

    [Fact]
    public async Task Sync_RemovesTheRowsTheSourceDoesNotHave_WhenTheClinicWasImportedBeforeTheSourceBroughtIt()
    {
        // Arrange: the clinic's rows came from an import first, so the source's first sync has no stored
        // hashes of them and must read the store's ids to find what to remove.
        await using var practice = await PracticeWithVisitsAsync(visits: 20);
        using var store = TestDatabase.CreateSqlite();
        await using (var connection = await store.Database.OpenAsync())
        {
            await connection.ExecuteAsync("INSERT INTO clinics (clinic_id, name, time_zone) VALUES ('c1', 'Eastside', 'America/Denver')");
            await connection.ExecuteAsync("INSERT INTO patients (patient_id, clinic_id, first_name, last_name) VALUES ('p1', 'c1', 'Ann', 'Lee')");
            await connection.ExecuteAsync(
                "INSERT INTO appointments (appointment_id, patient_id, clinic_id, service, starts_at, status) VALUES ('imported1', 'p1', 'c1', 'pt', '2026-01-05 10:00:00', 'completed')");
        }

        var harness = new SourceSyncHarness(store.Database);

        // Act
        var result = await harness.SyncAsync(practice.Source(), allowLargeRemoval: true);

        // Assert
        var appointments = result.Tables.Single(table => table.Table == "appointments");
        Assert.Equal((20, 20, 1), (appointments.Read, appointments.New, appointments.Removed));
        await using var check = await store.Database.OpenAsync();
        Assert.Equal(0, await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM appointments WHERE appointment_id = 'imported1'"));
    }

    [Fact]
    public async Task Sync_CountsAChangedRow_WhenTheSourceChangedIt()
    {
        // Arrange
        await using var practice = await PracticeWithVisitsAsync(visits: 20);
        using var store = TestDatabase.CreateSqlite();
        var harness = new SourceSyncHarness(store.Database);
        await harness.SyncAsync(practice.Source());
        await practice.Database.ExecuteAsync("UPDATE visit SET state = 'DNA' WHERE visit_ref = 'v03'");

        // Act
        var result = await harness.SyncAsync(practice.Source());

        // Assert
        var appointments = result.Tables.Single(table => table.Table == "appointments");
        Assert.Equal((0, 1, 19, 0), (appointments.New, appointments.Changed, appointments.Unchanged, appointments.Removed));
        await using var connection = await store.Database.OpenAsync();
        Assert.Equal("no_show", await connection.ExecuteScalarAsync<string>("SELECT status FROM appointments WHERE appointment_id = 'v03'"));
    }

    [Fact]
    public async Task Sync_WritesNoRow_WhenRunAgainWithNothingChanged()
    {
        // Arrange: the change log (sql/*/0015) gets a row for every real write; the nightly refresh re-reads those patients.
        await using var practice = await PracticeWithVisitsAsync(visits: 20);
        using var store = TestDatabase.CreateSqlite();
        var harness = new SourceSyncHarness(store.Database);
        await harness.SyncAsync(practice.Source());
        var mark = await MarkChangesAsync(store.Database);

        // Act
        var result = await harness.SyncAsync(practice.Source());

        // Assert
        Assert.All(result.Tables, table => Assert.Equal((0, 0, table.Read), (table.New, table.Changed, table.Unchanged)));
        Assert.Empty(await ChangedSinceAsync(store.Database, mark));
    }

    [Fact]
    public async Task Sync_WritesAndCountsTheOneChangedValue_WhenOnlyItChanged()
    {
        // Arrange
        await using var practice = await PracticeWithVisitsAsync(visits: 20);
        using var store = TestDatabase.CreateSqlite();
        var harness = new SourceSyncHarness(store.Database);
        await harness.SyncAsync(practice.Source());
        var mark = await MarkChangesAsync(store.Database);
        await practice.Database.ExecuteAsync("UPDATE client SET no_contact = 1 WHERE client_ref = 'p1'");

        // Act
        var result = await harness.SyncAsync(practice.Source());

        // Assert
        var patients = result.Tables.Single(table => table.Table == "patients");
        Assert.Equal((0, 1, 0), (patients.New, patients.Changed, patients.Unchanged));
        Assert.All(result.Tables.Where(table => table.Table != "patients"), table => Assert.Equal(table.Read, table.Unchanged));
        await using var connection = await store.Database.OpenAsync();
        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT do_not_contact FROM patients WHERE patient_id = 'p1'"));
        Assert.Equal(["p1"], await ChangedSinceAsync(store.Database, mark));
    }

    [Fact]
    public async Task Sync_NoLongerKeepsThePatientInAcuteCare_WhenTheFutureBookingIsDeletedAtTheSource()
    {
        // Arrange: weekly PT that stopped a month ago, and one more visit booked for next week.
        await using var practice = await PracticeDatabase.CreateAsync("sqlite");
        await AddClinicAsync(practice);
        for (var week = 0; week < 6; week++)
        {
            await AddVisitAsync(practice, $"v{week}", AsOf.AddDays(-70 + (7 * week)), "ARR");
        }

        await AddVisitAsync(practice, "future", AsOf.AddDays(7), "BKD");
        using var store = TestDatabase.CreateSqlite();
        var harness = new SourceSyncHarness(store.Database);
        await harness.SyncAsync(practice.Source());
        var flaggedWhileBooked = await harness.FlagsAsync(AsOf);
        await practice.Database.ExecuteAsync("DELETE FROM visit WHERE visit_ref = 'future'");

        // Act
        await harness.SyncAsync(practice.Source(), allowLargeRemoval: true);

        // Assert
        Assert.Empty(flaggedWhileBooked);
        var flag = Assert.Single(await harness.FlagsAsync(AsOf));
        Assert.Equal(("p1", PatientFlagKind.DroppedAfterAcute), (flag.PatientId, flag.Kind));
    }

    [Fact]
    public async Task Sync_ChangesNothingAndSaysWhy_WhenItWouldRemoveMoreThanMaxRemovedFraction()
    {
        // Arrange
        await using var practice = await PracticeWithVisitsAsync(visits: 20);
        using var store = TestDatabase.CreateSqlite();
        var harness = new SourceSyncHarness(store.Database);
        await harness.SyncAsync(practice.Source());
        await practice.Database.ExecuteAsync("DELETE FROM visit WHERE visit_ref IN ('v01', 'v02', 'v03')");
        await practice.Database.ExecuteAsync("UPDATE visit SET state = 'DNA' WHERE visit_ref = 'v04'");
        var before = await DatabaseSnapshot.TakeAsync(store.Database);

        // Act
        var error = await Assert.ThrowsAsync<UserInputException>(() => harness.SyncAsync(practice.Source()));

        // Assert
        Assert.Contains("would remove 3 of clinic c1's 20 appointments", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:0:MaxRemovedFraction", error.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-large-removal", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.ToString(), (await DatabaseSnapshot.TakeAsync(store.Database)).ToString());
    }

    [Fact]
    public async Task Sync_RemovesThem_WhenLargeRemovalIsAllowed()
    {
        // Arrange
        await using var practice = await PracticeWithVisitsAsync(visits: 20);
        using var store = TestDatabase.CreateSqlite();
        var harness = new SourceSyncHarness(store.Database);
        await harness.SyncAsync(practice.Source());
        await practice.Database.ExecuteAsync("DELETE FROM visit WHERE visit_ref IN ('v01', 'v02', 'v03')");

        // Act
        var result = await harness.SyncAsync(practice.Source(), allowLargeRemoval: true);

        // Assert
        Assert.Equal(3, result.Tables.Single(table => table.Table == "appointments").Removed);
    }

    [Fact]
    public async Task Sync_ChangesNothingAndSaysWhy_WhenTheSourceReturnsNoAppointmentsForAClinicThatHadSome()
    {
        // Arrange: a view that went empty (a broken join, a wrong database) looks like every visit deleted.
        await using var practice = await PracticeWithVisitsAsync(visits: 20);
        using var store = TestDatabase.CreateSqlite();
        var harness = new SourceSyncHarness(store.Database);
        await harness.SyncAsync(practice.Source());
        var emptied = practice.Source();
        emptied.MaxRemovedFraction = 1.0;
        emptied.Queries.Appointments += " WHERE 1 = 0";

        // Act
        var error = await Assert.ThrowsAsync<UserInputException>(() => harness.SyncAsync(emptied));

        // Assert
        Assert.Contains("it returned no appointments for clinic c1, which has 20", error.Message, StringComparison.Ordinal);
        await using var connection = await store.Database.OpenAsync();
        Assert.Equal(20, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM appointments"));
    }

    [Fact]
    public async Task Sync_RefusesEveryRowWithTheImportsMessage_WhenAStatusIsNotMapped()
    {
        // Arrange
        await using var practice = await PracticeWithVisitsAsync(visits: 3);
        await practice.Database.ExecuteAsync("UPDATE visit SET state = 'LATE' WHERE visit_ref = 'v02'");
        using var store = TestDatabase.CreateSqlite();
        var harness = new SourceSyncHarness(store.Database);

        // Act
        var error = await Assert.ThrowsAsync<UserInputException>(() => harness.SyncAsync(practice.Source()));

        // Assert
        Assert.Contains("practice appointments:2, status is not one of booked, completed, cancelled, no_show", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:0:Statuses", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await DatabaseSnapshot.TakeAsync(store.Database)).TotalRows);
    }

    [Fact]
    public async Task Sync_NamesTheMissingColumn_WhenAQueryDoesNotReturnIt()
    {
        // Arrange
        await using var practice = await PracticeWithVisitsAsync(visits: 3);
        var source = practice.Source();
        source.Queries.Appointments = source.Queries.Appointments!.Replace("state AS status,", "", StringComparison.Ordinal);
        using var store = TestDatabase.CreateSqlite();

        // Act
        var error = await Assert.ThrowsAsync<UserInputException>(() => new SourceSyncHarness(store.Database).SyncAsync(source));

        // Assert
        Assert.Contains("practice appointments: missing column status", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await DatabaseSnapshot.TakeAsync(store.Database)).TotalRows);
    }

    // As the nightly refresh marks where it read up to: a row without a patient, after which every write logs its patient.
    private static async Task<long> MarkChangesAsync(AnalyticsDatabase database)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("INSERT INTO patient_changes (patient_id) VALUES (NULL); SELECT last_insert_rowid();");
    }

    private static async Task<IEnumerable<string>> ChangedSinceAsync(AnalyticsDatabase database, long mark)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QueryAsync<string>("SELECT patient_id FROM patient_changes WHERE change_id > @Mark", new { Mark = mark });
    }

    internal static async Task<PracticeDatabase> PracticeWithVisitsAsync(int visits, string provider = "sqlite")
    {
        var practice = await PracticeDatabase.CreateAsync(provider);
        await AddClinicAsync(practice);
        for (var number = 1; number <= visits; number++)
        {
            await AddVisitAsync(practice, $"v{number:D2}", AsOf.AddDays(-200 + (7 * number)), "ARR");
        }

        return practice;
    }

    private static async Task AddClinicAsync(PracticeDatabase practice)
    {
        await practice.Database.ExecuteAsync("INSERT INTO loc VALUES ('c1', 'Eastside', 'America/Denver')");
        await practice.Database.ExecuteAsync("INSERT INTO staff VALUES ('s1', 'c1', 'Dana Ruiz', 'PT')");
        await practice.Database.ExecuteAsync("INSERT INTO client VALUES ('p1', 'c1', 'Ann', 'Lee', NULL, '555-0100', NULL, 'phone', 0, NULL, 1, 1, 1)");
    }

    private static Task AddVisitAsync(PracticeDatabase practice, string id, DateOnly day, string state) =>
        practice.Database.ExecuteAsync(
            "INSERT INTO visit VALUES (@Id, 'p1', 'c1', 's1', NULL, 'PT-TX', @Slot, @State, NULL)",
            new
            {
                Id = id,
                Slot = practice.Database.Provider == "sqlite"
                    ? (object)(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T09:00:00")
                    : day.ToDateTime(new TimeOnly(9, 0)),
                State = state,
            });
}
