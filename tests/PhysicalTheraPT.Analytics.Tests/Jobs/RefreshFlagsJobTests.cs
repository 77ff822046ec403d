using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Seeding;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

/// <summary>refresh-flags as one pass for all clinics: the same sets and queue as clinic by clinic, replaced whole.</summary>
public sealed class RefreshFlagsJobTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 2);

    private static readonly JobWorkItem AllClinics = JobWorkItem.ForDate(JobNames.RefreshFlags, null, AsOf);

    [Fact]
    public Task RunAsync_StoresTheSameSetsAndQueueAsPerClinicRuns_WhenRunForAllClinicsOnSqlite() =>
        RunAsync_StoresTheSameSetsAndQueueAsPerClinicRuns(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task RunAsync_StoresTheSameSetsAndQueueAsPerClinicRuns_WhenRunForAllClinicsOnPostgres() =>
        RunAsync_StoresTheSameSetsAndQueueAsPerClinicRuns(DatabaseProvider.Postgres);

    [Fact]
    public Task RunAsync_LeavesThePreviousSetsIntact_WhenTheStreamFailsPartWayOnSqlite() =>
        RunAsync_LeavesThePreviousSetsIntact_WhenTheStreamFailsPartWay(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task RunAsync_LeavesThePreviousSetsIntact_WhenTheStreamFailsPartWayOnPostgres() =>
        RunAsync_LeavesThePreviousSetsIntact_WhenTheStreamFailsPartWay(DatabaseProvider.Postgres);

    [Fact]
    public async Task RunAsync_LeavesOneSetPerClinicWithTheNewFlags_WhenRunAgainForTheSameDate()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        var clinics = await JobTestClinics.SeedAsync(test, clinicCount: 3);
        await RunAsync(test, output, new FakeFlagSource { Clinics = clinics }, AllClinics);

        var outcome = await RunAsync(test, output, new FakeFlagSource(patientsPerClinic: 1) { Clinics = clinics }, AllClinics);

        Assert.Equal(3, outcome.RowsWritten);
        Assert.Equal(clinics.Select(clinic => (clinic, 1)), await SetCountsAsync(test));
        Assert.Equal(clinics.Select(clinic => $"{clinic}-p1"), await QueryAsync(test, "SELECT patient_id FROM patient_flags ORDER BY patient_id"));
        // Patients no longer flagged leave the queue.
        Assert.Equal(clinics.Select(clinic => $"{clinic}-p1"), await QueryAsync(test, "SELECT patient_id FROM outreach_items WHERE status = 'open' ORDER BY patient_id"));
    }

    [Fact]
    public async Task RunAsync_GivesAClinicWithNoFlagAnEmptySet_WhenRunForAllClinics()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        var clinics = await JobTestClinics.SeedAsync(test, clinicCount: 3);

        var outcome = await RunAsync(test, output, new FakeFlagSource { Clinics = [clinics[0], clinics[1]] }, AllClinics);

        Assert.Equal([("c01", 3), ("c02", 3), ("c03", 0)], await SetCountsAsync(test));
        Assert.StartsWith("6 flagged: 4 dropped after acute, 2 maintenance lapsed. Outreach queue: 3 clinics: 6 to list, 6 new, 0 closed", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LeavesOutDoNotContactPatients_WhenRunForAllClinics()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var output = new TemporaryFolder();
        await SeedHistoryAsync(test);
        await RunAsync(test, output, flags: null, AllClinics);
        var patientId = (await QueryAsync(test, "SELECT patient_id FROM patient_flags ORDER BY patient_id")).First();
        await RecordDoNotContactAsync(test, patientId);

        await RunAsync(test, output, flags: null, AllClinics);

        Assert.DoesNotContain(patientId, await QueryAsync(test, "SELECT patient_id FROM patient_flags"));
        Assert.DoesNotContain(patientId, await QueryAsync(test, "SELECT patient_id FROM outreach_items WHERE status = 'open'"));
    }

    private static async Task RunAsync_StoresTheSameSetsAndQueueAsPerClinicRuns(DatabaseProvider provider)
    {
        await using var perClinic = TestDatabase.Create(provider);
        await using var allClinics = TestDatabase.Create(provider);
        using var output = new TemporaryFolder();
        var clinics = await SeedHistoryAsync(perClinic);
        await SeedHistoryAsync(allClinics);
        foreach (var clinicId in clinics)
        {
            await RunAsync(perClinic, output, flags: null, JobWorkItem.ForDate(JobNames.RefreshFlags, clinicId, AsOf));
        }

        // Batches of 7 rows, so the flags reach the server in many round trips.
        var outcome = await RunAsync(allClinics, output, flags: null, AllClinics, writeBatchRows: 7);

        var flags = await AllFlagsAsync(perClinic, clinics);
        Assert.True(flags.Count > 20, $"the seeded history flags only {flags.Count} patients");
        Assert.Equal(flags.Count, outcome.RowsWritten);
        Assert.Equal(flags, await AllFlagsAsync(allClinics, clinics));
        Assert.Equal(await SetCountsAsync(perClinic), await SetCountsAsync(allClinics));
        const string Queue = "SELECT clinic_id, patient_id, flag, reason, priority, status FROM outreach_items ORDER BY clinic_id, patient_id";
        Assert.Equal(await QueryAsync(perClinic, Queue), await QueryAsync(allClinics, Queue));
        Assert.Equal(flags.Count, (await QueryAsync(allClinics, "SELECT item_id FROM outreach_items WHERE status = 'open'")).Count);
    }

    private static async Task RunAsync_LeavesThePreviousSetsIntact_WhenTheStreamFailsPartWay(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
        using var output = new TemporaryFolder();
        var clinics = await JobTestClinics.SeedAsync(test, clinicCount: 3);
        await RunAsync(test, output, new FakeFlagSource(patientsPerClinic: 2) { Clinics = clinics }, AllClinics);
        var before = await AllFlagsAsync(test, clinics);
        var failing = new FakeFlagSource { Clinics = clinics, FailAfter = (7, () => new TimeoutException("The database did not answer in time.")) };

        // Batches of 2: three of them have gone to the database when the stream breaks.
        await Assert.ThrowsAsync<TimeoutException>(() => RunAsync(test, output, failing, AllClinics, writeBatchRows: 2));

        Assert.Equal(before, await AllFlagsAsync(test, clinics));
        Assert.Equal(clinics.Select(clinic => (clinic, 2)), await SetCountsAsync(test));
    }

    private static async Task<JobOutcome> RunAsync(TestDatabase test, TemporaryFolder output, FakeFlagSource? flags, JobWorkItem work, int? writeBatchRows = null)
    {
        var settings = writeBatchRows is { } rows ? [new KeyValuePair<string, string?>("Database:WriteBatchRows", rows.ToString(System.Globalization.CultureInfo.InvariantCulture))] : Array.Empty<KeyValuePair<string, string?>>();
        await using var services = JobTestServices.Build(test, output.Path, flags, settings);
        return await services.GetRequiredService<RefreshFlagsJob>().RunAsync(work, TestTimeout.Token);
    }

    private static async Task<IReadOnlyList<string>> SeedHistoryAsync(TestDatabase test)
    {
        await new ClinicHistorySeeder(test.Database).SeedDatabaseAsync(new SeedSettings { Clinics = 3, Patients = 400, Months = 12, Until = AsOf }, null, TestTimeout.Token);
        return (await ClinicDirectory.LoadAsync(test.Database, TestTimeout.Token)).ClinicIds;
    }

    private static async Task<List<StoredPatientFlag>> AllFlagsAsync(TestDatabase test, IEnumerable<string> clinics)
    {
        var store = new PatientFlagStore(test.Database, TimeProvider.System);
        var flags = new List<StoredPatientFlag>();
        foreach (var clinicId in clinics)
        {
            flags.AddRange(await store.ReadSetAsync(clinicId, AsOf, TestTimeout.Token));
        }

        return flags;
    }

    private static async Task<List<(string ClinicId, int FlaggedCount)>> SetCountsAsync(TestDatabase test)
    {
        await using var connection = await test.Database.OpenAsync();
        return [.. await connection.QueryAsync<(string, int)>("SELECT clinic_id, flagged_count FROM patient_flag_sets ORDER BY clinic_id")];
    }

    private static async Task<List<string>> QueryAsync(TestDatabase test, string sql)
    {
        await using var connection = await test.Database.OpenAsync();
        var rows = await connection.QueryAsync(sql);
        return [.. rows.Select(row => string.Join("|", ((IDictionary<string, object>)row).Values))];
    }

    /// <summary>Front desk records "do not contact" for the patient, as an imported worked list would.</summary>
    private static async Task RecordDoNotContactAsync(TestDatabase test, string patientId)
    {
        await using var connection = await test.Database.OpenAsync();
        var item = await connection.QuerySingleAsync<(string ItemId, string ClinicId, string Flag)>(
            "SELECT item_id, clinic_id, flag FROM outreach_items WHERE patient_id = @PatientId", new { PatientId = patientId });
        await connection.ExecuteAsync(
            """
            INSERT INTO outreach_outcomes (outcome_id, item_id, clinic_id, patient_id, flag, list_as_of, outcome, outcome_on, staff_initials, source_file, recorded_at)
            VALUES ('o1', @ItemId, @ClinicId, @PatientId, @Flag, @AsOf, 'do_not_contact', @AsOf, 'AB', 'list.xlsx', @RecordedAt)
            """,
            new { item.ItemId, item.ClinicId, PatientId = patientId, item.Flag, AsOf, RecordedAt = DateTime.UtcNow });
        await connection.ExecuteAsync(
            "INSERT INTO outreach_do_not_contact (patient_id, clinic_id, since, staff_initials, outcome_id) VALUES (@PatientId, @ClinicId, @AsOf, 'AB', 'o1')",
            new { PatientId = patientId, item.ClinicId, AsOf });
    }
}
