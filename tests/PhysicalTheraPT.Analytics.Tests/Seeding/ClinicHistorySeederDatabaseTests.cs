using System.Data.Common;
using System.Globalization;
using System.Text;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Seeding;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Seeding;

public sealed class ClinicHistorySeederDatabaseTests
{
    // Small enough for PostgreSQL's row-by-row upserts to take a few seconds, big enough for every kind of row.
    private static SeedSettings Small => new() { Clinics = 2, Patients = 200, Months = 12, Until = GeneratedHistory.Until };

    [Fact]
    public Task SeedDatabase_ChangesNothing_WhenSameSeedRunsTwice_OnSqlite() => AssertSecondSeedChangesNothing(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task SeedDatabase_ChangesNothing_WhenSameSeedRunsTwice_OnPostgres() => AssertSecondSeedChangesNothing(DatabaseProvider.Postgres);

    [Fact]
    public Task SeedDatabase_HoldsExactlyTheNewHistory_WhenReseededWithAnotherSeed_OnSqlite() => AssertReseedConverges(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task SeedDatabase_HoldsExactlyTheNewHistory_WhenReseededWithAnotherSeed_OnPostgres() => AssertReseedConverges(DatabaseProvider.Postgres);

    [Fact]
    public async Task SeedDatabase_WritesTheSameRowsAsTheCsvFiles()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var folder = new TemporaryFolder();

        var database = await new ClinicHistorySeeder(test.Database).SeedDatabaseAsync(Small, null, default);
        var csv = await ClinicHistorySeeder.WriteCsvAsync(Small, folder.Path, null, default);

        Assert.Equal(csv.Tables.Select(table => table.Rows), database.Tables.Select(table => table.Rows));
        Assert.Equal(
            File.ReadLines(folder.File("appointments.csv")).Skip(1).Select(line => line.Split(',')[0]),
            (await ReadTableAsync(test.Database, "SELECT appointment_id FROM appointments ORDER BY patient_id, starts_at, appointment_id")).Select(row => row[0]));
    }

    [PostgresFact]
    public async Task SeedDatabase_GivesTheSameRows_OnSqliteAndPostgres()
    {
        await using var sqlite = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var postgres = TestDatabase.Create(DatabaseProvider.Postgres);

        var onSqlite = await new ClinicHistorySeeder(sqlite.Database).SeedDatabaseAsync(Small, null, default);
        var onPostgres = await new ClinicHistorySeeder(postgres.Database).SeedDatabaseAsync(Small, null, default);

        Assert.Equal(onSqlite.Tables, onPostgres.Tables);
        Assert.Equal(
            (await ClinicDataCounter.CountAsync(sqlite.Database, default)).ByTable,
            (await ClinicDataCounter.CountAsync(postgres.Database, default)).ByTable);
        Assert.Equal(await DumpAsync(sqlite.Database), await DumpAsync(postgres.Database));
    }

    private static async Task AssertSecondSeedChangesNothing(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
        var seeder = new ClinicHistorySeeder(test.Database);

        var first = await seeder.SeedDatabaseAsync(Small, null, default);
        var before = await DumpAsync(test.Database);
        var second = await seeder.SeedDatabaseAsync(Small, null, default);

        Assert.Equal(first.Tables.Sum(table => table.Rows), first.NewOrChanged);
        Assert.Equal(0, second.NewOrChanged);
        Assert.Equal(0, second.Removed);
        Assert.Equal(first.Tables.Select(table => table.Rows), second.Tables.Select(table => table.Rows));
        Assert.Equal(before, await DumpAsync(test.Database));
    }

    private static async Task AssertReseedConverges(DatabaseProvider provider)
    {
        await using var reseeded = TestDatabase.Create(provider);
        await using var fresh = TestDatabase.Create(provider);
        var other = Small with { Seed = 7, Patients = 150 };

        await new ClinicHistorySeeder(reseeded.Database).SeedDatabaseAsync(Small, null, default);
        var reseed = await new ClinicHistorySeeder(reseeded.Database).SeedDatabaseAsync(other, null, default);
        await new ClinicHistorySeeder(fresh.Database).SeedDatabaseAsync(other, null, default);

        Assert.True(reseed.Removed > 0);
        Assert.Equal(await DumpAsync(fresh.Database), await DumpAsync(reseeded.Database));
    }

    /// <summary>Every row of every table as text, in id order: equal dumps mean equal data.</summary>
    private static async Task<string> DumpAsync(AnalyticsDatabase database)
    {
        var dump = new StringBuilder();
        foreach (var sql in new[]
                 {
                     "SELECT clinic_id, name, time_zone FROM clinics",
                     "SELECT provider_id, clinic_id, name, discipline FROM providers",
                     "SELECT patient_id, clinic_id, first_name, last_name, birth_date, phone, email, preferred_channel, do_not_contact FROM patients",
                     "SELECT episode_id, patient_id, clinic_id, started_on, discharged_on, discharge_reason, condition, body_region, referral_source, maintenance_interval_days FROM episodes",
                     "SELECT appointment_id, patient_id, clinic_id, provider_id, episode_id, service, starts_at, status, booked_at FROM appointments",
                 })
        {
            // Sorted here, not by the database: collations differ between databases.
            foreach (var row in (await ReadTableAsync(database, sql)).OrderBy(row => row[0], StringComparer.Ordinal))
            {
                dump.AppendJoin('|', row).Append('\n');
            }
        }

        return dump.ToString();
    }

    /// <summary>Rows as text the same way on every database: dates and times in ISO form, flags as 0/1.</summary>
    private static async Task<List<string[]>> ReadTableAsync(AnalyticsDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(index => AsText(reader, index)).ToArray());
        }

        return rows;
    }

    private static string AsText(DbDataReader reader, int index)
    {
        if (reader.IsDBNull(index))
        {
            return "";
        }

        var name = reader.GetName(index);
        if (name is "starts_at" or "booked_at" or "birth_date" or "started_on" or "discharged_on")
        {
            var value = reader.GetDateTime(index);
            // SQLite hands the UTC instant back without a kind; PostgreSQL's timestamptz comes back as UTC.
            return name == "booked_at"
                ? (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
                : value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        }

        return Convert.ToString(reader.GetValue(index) is bool flag ? (flag ? 1 : 0) : reader.GetValue(index), CultureInfo.InvariantCulture)!;
    }
}
