using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;
using Npgsql;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Sources;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Sources;

/// <summary>
/// A source that is down is retried with back-off; one that refuses the login, or lacks a table, fails at
/// once with what to fix; and neither ever shows the connection string or its password.
/// </summary>
public sealed class SourceFailureTests
{
    private const string Password = "Hunter2-not-for-logs";

    [PostgresFact]
    public async Task SyncJob_IsRetriedAndRecordsNoPassword_WhenTheSourceIsDown()
    {
        // Arrange: nothing listens on port 1.
        var source = new SourceOptions
        {
            Name = "emr", Kind = SourceKinds.Database, Provider = "postgres",
            ConnectionString = $"Host=127.0.0.1;Port=1;Username=reader;Password={Password};Database=practice;Timeout=3",
            Queries = Queries(),
        };
        using var store = TestDatabase.CreateSqlite();
        var harness = new SourceSyncHarness(store.Database);
        var runs = new JobRunStore(store.Database, TimeProvider.System);
        var runner = new ClinicJobRunner([new SyncJob(harness.SyncOf(source))], runs, NullLogger<ClinicJobRunner>.Instance);

        // Act
        var error = await Assert.ThrowsAnyAsync<Exception>(() => runner.RunAsync(new JobWorkItem(JobNames.Sync, null, "2026-12-03"), JobRunContext.Direct, CancellationToken.None));

        // Assert
        Assert.IsType<SourceUnavailableException>(error);
        Assert.False(JobFailureClassifier.IsPermanent(error));
        var run = Assert.Single(await runs.ListRecentAsync(5, CancellationToken.None));
        Assert.Contains("retried with back-off", run.Message, StringComparison.Ordinal);
        Assert.Contains("Source emr did not answer", run.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, run.Message, StringComparison.Ordinal);
        Assert.Equal("failed", Assert.Single(await harness.Store.ListAsync(CancellationToken.None)).LastOutcome);
    }

    [MariaDbFact]
    public async Task Sync_FailsAtOnceNamingTheSetting_WhenThePasswordIsWrong()
    {
        // Arrange
        await using var practice = await SourceMirrorTests.PracticeWithVisitsAsync(visits: 3, provider: "mysql");
        var source = practice.Source();
        source.ConnectionString = new MySqlConnectionStringBuilder(source.ConnectionString!) { Password = Password }.ToString();
        using var store = TestDatabase.CreateSqlite();
        var runs = new JobRunStore(store.Database, TimeProvider.System);
        var runner = new ClinicJobRunner([new SyncJob(new SourceSyncHarness(store.Database).SyncOf(source))], runs, NullLogger<ClinicJobRunner>.Instance);

        // Act
        var error = await Assert.ThrowsAsync<PermanentJobFailureException>(() => runner.RunAsync(new JobWorkItem(JobNames.Sync, null, "2026-12-03"), JobRunContext.Direct, CancellationToken.None));

        // Assert
        Assert.Contains("refused the login", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:0:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Not retried", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        var run = Assert.Single(await runs.ListRecentAsync(5, CancellationToken.None));
        Assert.DoesNotContain(Password, run.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Sync_FailsAtOnceNamingTheQueries_WhenATableIsMissing()
    {
        // Arrange
        await using var practice = await SourceMirrorTests.PracticeWithVisitsAsync(visits: 3, provider: "postgres");
        var source = practice.Source();
        source.Queries.Providers = source.Queries.Providers!.Replace("FROM staff", "FROM therapists", StringComparison.Ordinal);
        using var store = TestDatabase.CreateSqlite();

        // Act
        var error = await Assert.ThrowsAsync<UserInputException>(() => new SourceSyncHarness(store.Database).SyncAsync(source));

        // Assert
        Assert.Contains("refers to a table or column the source does not have", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:0:Queries", error.Message, StringComparison.Ordinal);
        Assert.True(JobFailureClassifier.IsPermanent(error));
        Assert.Equal(0, (await DatabaseSnapshot.TakeAsync(store.Database)).TotalRows);
    }

    [Fact]
    public void Scrub_RemovesTheConnectionStringAndItsPassword_FromADriverMessage()
    {
        var connectionString = $"Host=db.clinic.local;Username=reader;Password={Password}";

        var scrubbed = SourceSecrets.Scrub($"could not open '{connectionString}' (password {Password} rejected)", connectionString);

        Assert.DoesNotContain(Password, scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("db.clinic.local", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncCommand_PrintsNoPasswordAndExitsThree_WhenTheSourceIsDown()
    {
        // Arrange: the sync command reads Sources from the environment as every section.
        using var store = TestDatabase.CreateSqlite();
        var settings = new Dictionary<string, string>
        {
            ["PTA_Sources__0__Name"] = "emr",
            ["PTA_Sources__0__Kind"] = "database",
            ["PTA_Sources__0__Provider"] = "postgres",
            ["PTA_Sources__0__ConnectionString"] = $"Host=127.0.0.1;Port=1;Username=reader;Password={Password};Timeout=3",
            ["PTA_Sources__0__Queries__Clinics"] = Queries().Clinics!,
            ["PTA_Sources__0__Queries__Providers"] = Queries().Providers!,
            ["PTA_Sources__0__Queries__Patients"] = Queries().Patients!,
            ["PTA_Sources__0__Queries__Appointments"] = Queries().Appointments!,
        };

        // Act
        using var cli = CliProcess.Start(["sync", .. store.CommandLineArguments], settings);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exitCode = await cli.WaitForExitAsync(timeout.Token);
        var output = cli.Output;

        // Assert
        Assert.Equal(3, exitCode);
        Assert.Contains("Source emr did not answer", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
    }

    private static SourceQueries Queries() => new()
    {
        Clinics = "SELECT 1", Providers = "SELECT 1", Patients = "SELECT 1", Appointments = "SELECT 1",
    };
}
