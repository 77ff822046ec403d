using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>One SQLite database with <see cref="SeededHistory.Realistic"/>, shared by the tests of a class that only read it.</summary>
public sealed class SeededSqliteHistory : IAsyncLifetime
{
    private TestDatabase? test;

    public TestDatabase Test => test ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    public string[] CommandLineArguments => Test.CommandLineArguments;

    public async Task InitializeAsync() => test = await SeededHistory.CreateAsync(DatabaseProvider.Sqlite, SeededHistory.Realistic);

    public async Task DisposeAsync()
    {
        if (test is not null)
        {
            await test.DisposeAsync();
        }
    }
}
