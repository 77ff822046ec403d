using Dapper;
using Npgsql;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Tests.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

/// <summary>
/// <c>serve --once</c> under faults: a database restart while it runs, and a kill -9 followed by the next
/// run. A transaction holding the appointments table keeps the job mid-run until the fault is in place.
/// </summary>
public sealed class ServeOnceFaultTests
{
    [PostgresFact]
    public async Task ServeOnce_WaitsOutADatabaseRestartAndSucceeds_WhenTheServerStopsMidRun()
    {
        // Arrange: a cluster of this test's own, since it is stopped.
        using var cluster = ThrowawayPostgresCluster.Create();
        var started = await StartMidRunAsync(cluster, "outage", "PTA_Scheduling__RetryBaseDelay", "00:00:01");
        using var once = started.Once;

        // Act
        cluster.Stop();
        await Task.Delay(TimeSpan.FromSeconds(3));
        cluster.Start();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exitCode = await once.WaitForExitAsync(bound.Token).ContinueWith(task => task.IsCompletedSuccessfully ? task.Result : -1, TaskScheduler.Default);

        // Assert
        Assert.True(exitCode == 0, $"exit {exitCode}:\n{once.Output}");
        Assert.Contains("refresh-flags: 1 of 1 job(s) succeeded.", once.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", once.Output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ServeOnce_ExitsThreeInOneLineAndRunsMarksTheRunAbandoned_WhenTheDatabaseStaysDown()
    {
        // Arrange
        using var cluster = ThrowawayPostgresCluster.Create();
        var started = await StartMidRunAsync(cluster, "long_outage", "PTA_Scheduling__RunNowOutageTimeout", "00:00:03");
        using var once = started.Once;
        var database = started.Database;

        // Act
        cluster.Stop();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exitCode = await once.WaitForExitAsync(bound.Token).ContinueWith(task => task.IsCompletedSuccessfully ? task.Result : -1, TaskScheduler.Default);
        cluster.Start();
        var (_, runs) = await CliRunner.RunAsync(["runs", .. database]);

        // Assert
        Assert.True(exitCode == 3, $"exit {exitCode}:\n{once.Output}");
        Assert.Contains("Error: the database did not answer", once.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", once.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", once.Output, StringComparison.Ordinal);
        Assert.Contains("abandoned", runs, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ServeOnce_MarksTheKilledRunAbandonedAndIsNotHeldUpByItsLock_AfterKill9()
    {
        // Arrange
        await using var test = TestDatabase.Create(DatabaseProvider.Postgres);
        await JobTestClinics.SeedAsync(test, clinicCount: 1);
        var blocker = await HoldAppointmentsAsync(test.Database.ConnectionString);
        using var killed = CliProcess.Start(["serve", "--once", "refresh-flags", .. test.CommandLineArguments]);
        await WaitForRunningRunAsync(test.Database.ConnectionString, killed);
        killed.Kill();
        await killed.WaitForExitAsync(TestTimeout.Token);
        await blocker.RollbackAsync();
        await blocker.Connection!.DisposeAsync();

        // Act: held up by the dead run's lock, it would wait Scheduling:LockTimeout (10 minutes) and be cancelled.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var (exitCode, output) = await CliRunner.RunAsync(bound.Token, ["serve", "--once", "refresh-flags", .. test.CommandLineArguments]);

        // Assert
        Assert.True(exitCode == 0, $"exit {exitCode}:\n{output}");
        var runs = await new JobRunStore(test.Database, TimeProvider.System).ListRecentAsync(10, CancellationToken.None);
        var abandoned = Assert.Single(runs, run => run.Status == JobRunStatus.Abandoned);
        Assert.Contains($":{killed.Id}:", abandoned.Server, StringComparison.Ordinal);
        Assert.Contains(runs, run => run.Status == JobRunStatus.Succeeded);
        Assert.DoesNotContain(runs, run => run.Status == JobRunStatus.Running);
        await using var connection = new NpgsqlConnection(test.Database.ConnectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
    }

    /// <summary>
    /// A database on <paramref name="cluster"/> with one seeded clinic, and <c>serve --once refresh-flags</c>
    /// on it held mid-run; the restart or stop that follows ends the blocking session.
    /// </summary>
    private static async Task<(CliProcess Once, string[] Database)> StartMidRunAsync(ThrowawayPostgresCluster cluster, string name, string setting, string value)
    {
        var connectionString = cluster.CreateDatabase(name);
        string[] database = ["--provider", "postgres", "--connection", connectionString];
        Assert.Equal(0, (await CliRunner.RunAsync(["db", "migrate", .. database])).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(["seed", "--clinics", "1", "--patients", "30", .. database])).ExitCode);
        _ = await HoldAppointmentsAsync(connectionString);
        var once = CliProcess.Start(["serve", "--once", "refresh-flags", .. database], new Dictionary<string, string> { [setting] = value });
        await WaitForRunningRunAsync(connectionString, once);
        return (once, database);
    }

    private static async Task<NpgsqlTransaction> HoldAppointmentsAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("LOCK TABLE appointments IN ACCESS EXCLUSIVE MODE", transaction: transaction);
        return transaction;
    }

    private static async Task WaitForRunningRunAsync(string connectionString, CliProcess process)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var token = TestTimeout.Token;
        while (await ScalarOrZeroAsync(connection, "SELECT count(*) FROM job_runs WHERE status = 'running'") == 0)
        {
            Assert.False(process.HasExited, $"ptanalytics exited before its run started:\n{process.Output}");
            await Task.Delay(200, token);
        }
    }

    // Before the first migration job_runs may not exist yet.
    private static async Task<long> ScalarOrZeroAsync(NpgsqlConnection connection, string sql)
    {
        try
        {
            return await connection.ExecuteScalarAsync<long>(sql);
        }
        catch (PostgresException)
        {
            return 0;
        }
    }
}
