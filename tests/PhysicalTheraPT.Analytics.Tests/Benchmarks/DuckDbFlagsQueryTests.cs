using Dapper;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Benchmarks;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Benchmarks;

/// <summary>
/// The benchmark's DuckDB peer against the engine on a seeded history (real SQLite, real DuckDB): the one
/// SQL query must give exactly the product's flags, texts included, or the bench compares the product
/// with something else.
/// </summary>
public sealed class DuckDbFlagsQueryTests(SeededSqliteHistory history) : IClassFixture<SeededSqliteHistory>
{
    public static TheoryData<int> DaysFromUntil => new() { 0, -17, -45, -200, -400, 30 };

    [Theory]
    [MemberData(nameof(DaysFromUntil))]
    public async Task Run_GivesTheEnginesFlags_ForEachAsOfDate(int daysFromUntil)
    {
        var asOf = SeededHistory.Until.AddDays(daysFromUntil);
        var options = new RetentionOptions();

        var (engine, peer) = await BothAsync(asOf, options);

        Assert.NotEmpty(engine);
        Assert.Null(DuckDbFlagsQuery.Difference(engine, peer, asOf));
        Assert.Equal(engine, peer);
    }

    [Fact]
    public async Task Run_GivesTheEnginesFlags_WhenTheRetentionSettingsChange()
    {
        var asOf = SeededHistory.Until.AddDays(-10);
        var options = new RetentionOptions
        {
            GraceDays = 7,
            LookbackDays = 240,
            ImplicitDischargeDays = 35,
            LapseFactor = 2.25,
            DefaultMaintenanceIntervalDays = 21,
            PriorityRecencyWeight = 50,
            PrioritySelfDischargedWeight = 10,
            PriorityReinjuryWeight = 30,
            PriorityVisitsWeight = 15,
            PriorityVisitsForFullWeight = 8,
        };

        var (engine, peer) = await BothAsync(asOf, options);
        var (withDefaults, _) = await BothAsync(asOf, new RetentionOptions());

        Assert.NotEqual(withDefaults, engine);
        Assert.Null(DuckDbFlagsQuery.Difference(engine, peer, asOf));
        Assert.Equal(engine, peer);
    }

    [PostgresFact]
    public async Task Run_GivesTheEnginesFlags_OnACopyOfPostgres()
    {
        await using var postgres = await SeededHistory.CreateAsync(DatabaseProvider.Postgres, SeededHistory.Small);
        using var folder = new TemporaryFolder();
        var path = DuckDbPeer.PathFor(postgres.Database, folder.Path);
        await DuckDbPeer.EnsureCopyAsync(postgres.Database, path, default);
        using var connection = DuckDbPeer.Open(path);

        foreach (var asOf in new[] { SeededHistory.Until, SeededHistory.Until.AddDays(-90) })
        {
            var engine = (await new RetentionAnalysis(postgres.Database, Options.Create(new RetentionOptions()), TimeProvider.System).FlagsAsync(asOf, clinicId: null)).Flags;
            var peer = DuckDbFlagsQuery.Run(connection, asOf, new RetentionOptions());

            Assert.NotEmpty(engine);
            Assert.Null(DuckDbFlagsQuery.Difference(engine, peer, asOf));
        }
    }

    [Fact]
    public async Task EnsureCopy_CopiesAnew_WhenTheDatabaseNoLongerHoldsTheCopiedCounts()
    {
        using var folder = new TemporaryFolder();
        await using var small = await SeededHistory.CreateAsync(DatabaseProvider.Sqlite, SeededHistory.Small);
        var path = DuckDbPeer.PathFor(small.Database, folder.Path);
        await DuckDbPeer.EnsureCopyAsync(small.Database, path, default);
        await using (var connection = await small.Database.OpenAsync(default))
        {
            await connection.ExecuteAsync("DELETE FROM appointments WHERE appointment_id = (SELECT MIN(appointment_id) FROM appointments)");
        }

        var copiedAgain = await DuckDbPeer.EnsureCopyAsync(small.Database, path, default);

        Assert.True(copiedAgain);
        using var duck = DuckDbPeer.Open(path);
        using var command = duck.CreateCommand();
        command.CommandText = "SELECT count(*) FROM appointments";
        Assert.Equal((await ClinicDataCounter.CountAsync(small.Database, default)).Appointments, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task EnsureCopy_KeepsTheCopy_WhenTheDatabaseHoldsTheSameCounts()
    {
        using var folder = new TemporaryFolder();
        var path = DuckDbPeer.PathFor(history.Test.Database, folder.Path);

        var first = await DuckDbPeer.EnsureCopyAsync(history.Test.Database, path, default);
        var second = await DuckDbPeer.EnsureCopyAsync(history.Test.Database, path, default);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Difference_NamesTheCountsAndPatients_WhenTheFlagsDiffer()
    {
        var asOf = new DateOnly(2026, 3, 1);
        var flag = new PatientFlag("p-1", "c-1", PatientFlagKind.DroppedAfterAcute, asOf.AddDays(-20), AcuteEndType.GoalsMet, null, 20, 70, "x", "y", null, 6, 28);

        var message = DuckDbFlagsQuery.Difference([flag, flag with { PatientId = "p-2" }], [flag with { Priority = 69 }], asOf);

        Assert.NotNull(message);
        Assert.Contains("2 flags from the engine, 1 from DuckDB, 2 patient(s) differ, e.g. p-1, p-2", message, StringComparison.Ordinal);
    }

    private async Task<(List<PatientFlag> Engine, List<PatientFlag> Peer)> BothAsync(DateOnly asOf, RetentionOptions options)
    {
        var database = history.Test.Database;
        var engine = (await new RetentionAnalysis(database, Options.Create(options), TimeProvider.System).FlagsAsync(asOf, clinicId: null)).Flags.ToList();
        var path = DuckDbPeer.PathFor(database, Path.GetDirectoryName(history.Test.SqlitePath)!);
        await DuckDbPeer.EnsureCopyAsync(database, path, default);
        using var connection = DuckDbPeer.Open(path);
        return (engine, DuckDbFlagsQuery.Run(connection, asOf, options));
    }
}
