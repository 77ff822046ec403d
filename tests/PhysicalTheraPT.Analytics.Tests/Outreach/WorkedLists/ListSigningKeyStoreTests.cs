using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Outreach.WorkedLists;

public sealed class ListSigningKeyStoreTests
{
    [Fact]
    public Task GetAsync_GivesEveryProcessTheSameKey_WhenTheyStartAtOnce_OnSqlite() => SameKeyForAll(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task GetAsync_GivesEveryProcessTheSameKey_WhenTheyStartAtOnce_OnPostgres() => SameKeyForAll(DatabaseProvider.Postgres);

    [Fact]
    public async Task GetAsync_GivesDifferentKeys_ToDifferentDatabases()
    {
        await using var first = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var second = TestDatabase.Create(DatabaseProvider.Sqlite);

        var keys = await Task.WhenAll(new ListSigningKeyStore(first.Database).GetAsync(), new ListSigningKeyStore(second.Database).GetAsync());

        Assert.NotEqual(keys[0].ToStored(), keys[1].ToStored());
    }

    /// <summary>Stores of their own stand for processes: each makes a candidate, and one is kept for all.</summary>
    private static async Task SameKeyForAll(DatabaseProvider provider)
    {
        await using var test = TestDatabase.Create(provider);
        await test.Database.EnsureSchemaIsCurrentAsync();

        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new ListSigningKeyStore(test.Database).GetAsync())));

        Assert.Single(keys.Select(key => key.ToStored()).Distinct());
        Assert.Equal(keys[0].ToStored(), (await new ListSigningKeyStore(test.Database).GetAsync()).ToStored());
    }
}
