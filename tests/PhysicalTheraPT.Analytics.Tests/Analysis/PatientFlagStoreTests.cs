using Dapper;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Analysis;

public sealed class PatientFlagStoreTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 2);

    [Fact]
    public Task ReplaceSetAsync_LeavesExactlyTheNewSet_WhenRunAgainOnSqlite() => ReplaceSetAsync_LeavesExactlyTheNewSet(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ReplaceSetAsync_LeavesExactlyTheNewSet_WhenRunAgainOnPostgres() => ReplaceSetAsync_LeavesExactlyTheNewSet(DatabaseProvider.Postgres);

    [Fact]
    public async Task ReplaceSetAsync_RecordsAnEmptySet_WhenNobodyIsFlagged()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await JobTestClinics.SeedAsync(test, clinicCount: 1);
        var store = new PatientFlagStore(test.Database, TimeProvider.System);
        await store.ReplaceSetAsync("c01", AsOf, await Flags("c01", 3), CancellationToken.None);

        var written = await store.ReplaceSetAsync("c01", AsOf, [], CancellationToken.None);

        Assert.Equal(0, written);
        Assert.Empty(await store.ReadSetAsync("c01", AsOf, CancellationToken.None));
        await using var connection = await test.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT flagged_count FROM patient_flag_sets WHERE clinic_id = 'c01'"));
    }

    [Fact]
    public async Task ReplaceSetAsync_LeavesOtherClinicsAndDatesAlone()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await JobTestClinics.SeedAsync(test, clinicCount: 2);
        var store = new PatientFlagStore(test.Database, TimeProvider.System);
        await store.ReplaceSetAsync("c02", AsOf, await Flags("c02", 2), CancellationToken.None);
        await store.ReplaceSetAsync("c01", AsOf.AddDays(-1), await Flags("c01", 2, AsOf.AddDays(-1)), CancellationToken.None);

        await store.ReplaceSetAsync("c01", AsOf, await Flags("c01", 1), CancellationToken.None);

        Assert.Equal(2, (await store.ReadSetAsync("c02", AsOf, CancellationToken.None)).Count);
        Assert.Equal(2, (await store.ReadSetAsync("c01", AsOf.AddDays(-1), CancellationToken.None)).Count);
        Assert.Single(await store.ReadSetAsync("c01", AsOf, CancellationToken.None));
    }

    [Fact]
    public async Task RemoveSetsAfterAsync_RemovesOnlyTheLaterNights_OfEveryClinic()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await JobTestClinics.SeedAsync(test, clinicCount: 2);
        var store = new PatientFlagStore(test.Database, TimeProvider.System);
        await store.ReplaceSetAsync("c01", AsOf, await Flags("c01", 2), CancellationToken.None);
        await store.ReplaceSetAsync("c01", AsOf.AddDays(1), await Flags("c01", 3, AsOf.AddDays(1)), CancellationToken.None);
        await store.ReplaceSetAsync("c02", AsOf.AddDays(2), await Flags("c02", 1, AsOf.AddDays(2)), CancellationToken.None);

        var removed = await store.RemoveSetsAfterAsync(AsOf, CancellationToken.None);

        Assert.Equal(4, removed);
        Assert.Equal(2, (await store.ReadSetAsync("c01", AsOf, CancellationToken.None)).Count);
        await using var connection = await test.Database.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM patient_flag_sets"));
    }

    private static async Task ReplaceSetAsync_LeavesExactlyTheNewSet(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
        await JobTestClinics.SeedAsync(test, clinicCount: 1);
        var store = new PatientFlagStore(test.Database, TimeProvider.System);
        await store.ReplaceSetAsync("c01", AsOf, await Flags("c01", 3), CancellationToken.None);
        var second = await Flags("c01", 2);

        var written = await store.ReplaceSetAsync("c01", AsOf, second, CancellationToken.None);

        Assert.Equal(2, written);
        Assert.Equal(second.OrderByDescending(flag => flag.Priority), await store.ReadSetAsync("c01", AsOf, CancellationToken.None));
    }

    private static Task<IReadOnlyList<StoredPatientFlag>> Flags(string clinicId, int count, DateOnly? asOf = null) =>
        Task.FromResult<IReadOnlyList<StoredPatientFlag>>([.. FakeFlagSource.For(clinicId, asOf ?? AsOf, count)]);
}
