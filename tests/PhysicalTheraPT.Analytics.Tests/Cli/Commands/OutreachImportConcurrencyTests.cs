using System.Data.Common;
using Dapper;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Tests.Outreach;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Cli.Commands;

/// <summary>
/// Two people hand in the same worked list at the same moment: two <c>outreach import</c> processes on
/// PostgreSQL. The test holds the patient's queue item locked until both imports are inside their
/// transactions and waiting (one on the lock, the other on the first one's outcome), so they truly
/// overlap, then lets them go.
/// </summary>
public sealed class OutreachImportConcurrencyTests
{
    private static readonly DateOnly ListDate = new(2025, 1, 6);

    [PostgresFact]
    public async Task Import_SaysAnImportRunningAtTheSameTimeRecordedThem_AndExitsZero_WhenTwoImportTheSameListAtOnce()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Postgres);
        var list = await scenario.WriteListAsync(ListDate, "P1", "P2");
        OutreachScenario.Fill(list, "P1", "left_message", ListDate.AddDays(1));
        await using var holder = await scenario.Database.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await holder.ExecuteAsync("SELECT item_id FROM outreach_items WHERE clinic_id = 'C01' AND patient_id = 'P1' FOR UPDATE", transaction: hold);

        using var first = CliProcess.Start([.. scenario.Test.CommandLineArguments, "outreach", "import", list]);
        using var second = CliProcess.Start([.. scenario.Test.CommandLineArguments, "outreach", "import", list]);
        await using (var watcher = await scenario.Database.OpenAsync())
        {
            await WaitUntilBothWaitOnLocksAsync(watcher, first, second);
        }

        await hold.RollbackAsync();
        var exitCodes = await Task.WhenAll(first.WaitForExitAsync(TestTimeout.Token), second.WaitForExitAsync(TestTimeout.Token));

        Assert.Equal([0, 0], exitCodes);
        var outputs = new[] { first.Output, second.Output }.Select(output => output.ReplaceLineEndings("")).ToList();
        Assert.Single(outputs, output => output.Contains("1 outcome(s) recorded (1 left_message)", StringComparison.Ordinal));
        Assert.Single(outputs, output => output.Contains("1 outcome(s) were already recorded by an import of the same list running at the same time", StringComparison.Ordinal));
        Assert.All(outputs, output => Assert.DoesNotContain("Rejected", output, StringComparison.Ordinal));
        Assert.Equal(1, await scenario.CountAsync("SELECT COUNT(*) FROM outreach_outcomes"));
        Assert.Equal(1, (await scenario.OpenItemAsync("P1"))!.Attempts);
    }

    /// <summary>Polls outside any transaction: within one, PostgreSQL shows the same snapshot of its activity.</summary>
    private static async Task WaitUntilBothWaitOnLocksAsync(DbConnection connection, params CliProcess[] imports)
    {
        const string Waiting = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";
        var token = TestTimeout.Token;
        while (await connection.ExecuteScalarAsync<int>(Waiting) < imports.Length)
        {
            foreach (var import in imports.Where(import => import.HasExited))
            {
                Assert.Fail("An import ended before both waited on each other:\n" + import.Output);
            }

            await Task.Delay(50, token);
        }
    }
}
