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
}
