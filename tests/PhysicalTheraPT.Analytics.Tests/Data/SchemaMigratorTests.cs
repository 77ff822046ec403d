using Dapper;
using Npgsql;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Data;

public sealed class SchemaMigratorTests
{
    private static readonly string[] ClinicTables = ["clinics", "providers", "patients", "episodes", "appointments"];

    [Fact]
    public async Task Migrate_CreatesEveryTable_WhenSqliteDatabaseIsEmpty()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite, migrate: false);

        var applied = new SchemaMigrator(test.Database).Migrate();

        Assert.Equal(SchemaMigrator.ScriptNames(SqlDialect.Sqlite), applied);
        await using var connection = await test.Database.OpenAsync();
        var tables = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.Superset(ClinicTables.ToHashSet(), tables.ToHashSet());
    }

    [PostgresFact]
    public async Task Migrate_CreatesEveryTable_WhenPostgresDatabaseIsEmpty()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Postgres, migrate: false);

        var applied = new SchemaMigrator(test.Database).Migrate();

        Assert.Equal(SchemaMigrator.ScriptNames(SqlDialect.Postgres), applied);
        await using var connection = await test.Database.OpenAsync();
        var tables = await connection.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        Assert.Superset(ClinicTables.ToHashSet(), tables.ToHashSet());
    }

    [PostgresFact]
    public async Task CreateDatabaseIfMissing_CreatesThePostgresDatabase_WhenTheServerDoesNotHaveIt()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Postgres, migrate: false);
        var name = new NpgsqlConnectionStringBuilder(test.Database.ConnectionString).Database;
        await using (var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            await admin.ExecuteAsync($"DROP DATABASE {name} WITH (FORCE)");
        }

        var migrator = new SchemaMigrator(test.Database);
        migrator.CreateDatabaseIfMissing();
        migrator.CreateDatabaseIfMissing();
        var applied = migrator.Migrate();

        Assert.Equal(SchemaMigrator.ScriptNames(SqlDialect.Postgres), applied);
    }

    [SqlServerFact]
    public async Task Migrate_CreatesEveryTable_WhenSqlServerDatabaseIsEmpty()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.SqlServer, migrate: false);

        var applied = new SchemaMigrator(test.Database).Migrate();

        Assert.Equal(SchemaMigrator.ScriptNames(SqlDialect.SqlServer), applied);
        await using var connection = await test.Database.OpenAsync();
        var tables = await connection.QueryAsync<string>("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES");
        Assert.Superset(ClinicTables.ToHashSet(), tables.ToHashSet());
    }

    [Fact]
    public void Migrate_AppliesNothing_WhenRunTwice()
    {
        using var test = TestDatabase.Create(DatabaseProvider.Sqlite);

        var applied = new SchemaMigrator(test.Database).Migrate();

        Assert.Empty(applied);
    }

    [Fact]
    public void ScriptNames_AreTheSameNumberedSetForEveryDatabase()
    {
        static IEnumerable<string> FileNames(SqlDialect dialect) => SchemaMigrator.ScriptNames(dialect).Select(Path.GetFileName)!;

        Assert.NotEmpty(FileNames(SqlDialect.Sqlite));
        Assert.Equal(FileNames(SqlDialect.Sqlite), FileNames(SqlDialect.Postgres));
        Assert.Equal(FileNames(SqlDialect.Sqlite), FileNames(SqlDialect.SqlServer));
    }

    [Fact]
    public Task Script0007_KeepsStoredFlagsAndDropsTheirForeignKeys_OnSqlite() => Script0007_KeepsStoredFlagsAndDropsTheirForeignKeys(
        DatabaseProvider.Sqlite, "SELECT COUNT(*) FROM pragma_foreign_key_list('patient_flags')");

    [PostgresFact]
    public Task Script0007_KeepsStoredFlagsAndDropsTheirForeignKeys_OnPostgres() => Script0007_KeepsStoredFlagsAndDropsTheirForeignKeys(
        DatabaseProvider.Postgres, "SELECT COUNT(*) FROM pg_constraint WHERE conrelid = 'patient_flags'::regclass AND contype = 'f'");

    [Fact]
    public async Task OpenAsync_RefusesWithMigrateAdvice_WhenServerDatabaseIsNotMigrated()
    {
        // A server database is never migrated behind a DBA's back; a SQLite file stands in for one here
        // by turning first-use migration off.
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite, migrate: false);
        var database = new AnalyticsDatabase(SqlDialect.Sqlite, test.Database.ConnectionString, migrateOnFirstUse: false);

        var error = await Assert.ThrowsAsync<UserInputException>(() => database.OpenAsync());

        Assert.Contains("ptanalytics db migrate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_MigratesOnFirstUse_WhenEmbeddedDatabaseIsNew()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite, migrate: false);

        await using var connection = await test.Database.OpenAsync();

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM appointments"));
    }

    /// <summary>
    /// Applies the scripts before 0007 by hand, stores a flag the way refresh-flags does, then applies 0007:
    /// the flag must survive (SQLite rebuilds the table) and the table must have no foreign key left.
    /// </summary>
    private static async Task Script0007_KeepsStoredFlagsAndDropsTheirForeignKeys(DatabaseProvider provider, string countForeignKeys)
    {
        await using var test = TestDatabase.Create(provider, migrate: false);
        var scripts = SchemaMigrator.ScriptNames(test.Database.Dialect);
        var script0007 = scripts.Single(name => Path.GetFileName(name).StartsWith("0007_", StringComparison.Ordinal));
        await using var connection = test.Database.Dialect.CreateConnection(test.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var script in scripts.TakeWhile(name => name != script0007))
        {
            await connection.ExecuteAsync(SchemaMigrator.ReadScript(script));
        }

        await connection.ExecuteAsync("""
            INSERT INTO clinics (clinic_id, name, time_zone) VALUES ('c01', 'Clinic 1', 'UTC');
            INSERT INTO patients (patient_id, clinic_id, first_name, last_name) VALUES ('p1', 'c01', 'A', 'B');
            INSERT INTO patient_flag_sets (clinic_id, as_of, flagged_count, computed_at) VALUES ('c01', '2026-03-02', 1, '2026-03-02 02:00:00');
            INSERT INTO patient_flags (clinic_id, as_of, patient_id, flag, days_since, priority, reason)
            VALUES ('c01', '2026-03-02', 'p1', 'dropped_after_acute', 40, 70, 'Finished acute care 40 days ago.');
            """);
        Assert.NotEqual(0, await connection.ExecuteScalarAsync<long>(countForeignKeys));

        await connection.ExecuteAsync(SchemaMigrator.ReadScript(script0007));

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(countForeignKeys));
        Assert.Equal("p1", await connection.ExecuteScalarAsync<string>("SELECT patient_id FROM patient_flags WHERE clinic_id = 'c01' AND priority = 70"));
    }
}
