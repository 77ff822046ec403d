using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Outreach.WorkedLists;

/// <summary>Worked lists written by the real writer, filled in with ClosedXML as front desk would, imported.</summary>
public sealed class OutreachListImporterTests
{
    private static readonly DateOnly April1 = new(2026, 4, 1);
    private static readonly DateOnly April3 = new(2026, 4, 3);

    [Fact]
    public Task Import_RecordsEveryOutcome_WhenFrontDeskFilledInTheList_OnSqlite() => RecordsEveryOutcome(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Import_RecordsEveryOutcome_WhenFrontDeskFilledInTheList_OnPostgres() => RecordsEveryOutcome(DatabaseProvider.Postgres);

    [Fact]
    public Task Import_RecordsNothingNew_WhenTheSameFileIsImportedTwice_OnSqlite() => DoubleImport(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Import_RecordsNothingNew_WhenTheSameFileIsImportedTwice_OnPostgres() => DoubleImport(DatabaseProvider.Postgres);

    [Fact]
    public Task Import_ListsThePatientAgainAfterRetryAfterDays_WhenNotReached_OnSqlite() => RetryTiming(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Import_ListsThePatientAgainAfterRetryAfterDays_WhenNotReached_OnPostgres() => RetryTiming(DatabaseProvider.Postgres);

    [Fact]
    public Task Import_ClosesAsUnreachable_AfterMaxAttemptsOverThreeLists_OnSqlite() => MaxAttempts(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Import_ClosesAsUnreachable_AfterMaxAttemptsOverThreeLists_OnPostgres() => MaxAttempts(DatabaseProvider.Postgres);

    [Fact]
    public Task Import_SuppressesADeclinedPatientForDeclineSuppressDays_OnSqlite() => DeclineSuppression(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Import_SuppressesADeclinedPatientForDeclineSuppressDays_OnPostgres() => DeclineSuppression(DatabaseProvider.Postgres);

    [Fact]
    public async Task Import_RecordsTheGoodFiles_AndRejectsOnlyTheBadOne_WhenGivenSeveral()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var good = await scenario.WriteListAsync(April1, "P1");
        var bad = scenario.WriteList("C01", April1.AddDays(1), ["P2"]);
        OutreachScenario.Fill(good, "P1", "booked", April3);
        OutreachScenario.Fill(bad, "P2", "maybe", April3);

        var results = await scenario.ImportAsync(good, bad);

        Assert.True(results[0].Accepted);
        Assert.Equal(1, results[0].RecordedCount);
        Assert.False(results[1].Accepted);
        Assert.Equal(1, await scenario.CountAsync("SELECT COUNT(*) FROM outreach_outcomes"));
    }

    [Fact]
    public async Task Import_CreatesAnItem_WhenTheListWasWrittenBeforeTheQueueKnewThePatient()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var list = scenario.WriteList("C01", April1, ["P7"]);
        OutreachScenario.Fill(list, "P7", "left_message", April3);

        var result = Assert.Single(await scenario.ImportAsync(list));

        Assert.True(result.Accepted, string.Join("\n", result.Problems));
        var item = Assert.Single(await scenario.ItemsAsync("P7"));
        Assert.Equal((April1, 1, true, "Discharged; no maintenance booked", 50), (item.FirstListed, item.Attempts, item.IsOpen, item.Reason, item.Priority));
    }

    private static async Task RecordsEveryOutcome(DatabaseProvider provider)
    {
        await using var scenario = await OutreachScenario.CreateAsync(provider);
        var list = await scenario.WriteListAsync(April1, "P1", "P2", "P3", "P4", "P5", "P6", "P7");
        OutreachScenario.Fill(list, "P1", "not_reached", April3, "jd");
        OutreachScenario.Fill(list, "P2", "left_message", April3, "J.D.");
        OutreachScenario.Fill(list, "P3", "booked", April3, "AB", notes: "Tuesdays only");
        OutreachScenario.Fill(list, "P4", "declined", April3);
        OutreachScenario.Fill(list, "P5", "do_not_contact", April3);
        OutreachScenario.Fill(list, "P6", "wrong_number", April3);

        var result = Assert.Single(await scenario.ImportAsync(list));

        Assert.True(result.Accepted, string.Join("\n", result.Problems));
        Assert.Equal((6, 0, 1), (result.RecordedCount, result.AlreadyRecorded, result.BlankRows));
        Assert.Equal(["P6"], result.WrongNumbers);
        Assert.Equal(("C01", April1), (result.ClinicId, result.AsOf));

        var p1 = (await scenario.OpenItemAsync("P1"))!;
        Assert.Equal((1, OutreachOutcome.NotReached, April3), (p1.Attempts, p1.LastOutcome, p1.LastContactOn));
        Assert.Equal((1, OutreachOutcome.LeftMessage), ((await scenario.OpenItemAsync("P2"))!.Attempts, (await scenario.OpenItemAsync("P2"))!.LastOutcome));
        Assert.Equal(OutreachCloseReason.Booked, (await scenario.ItemsAsync("P3")).Single().CloseReason);
        Assert.Equal(OutreachCloseReason.Declined, (await scenario.ItemsAsync("P4")).Single().CloseReason);
        Assert.Equal(OutreachCloseReason.DoNotContact, (await scenario.ItemsAsync("P5")).Single().CloseReason);
        var p6 = (await scenario.ItemsAsync("P6")).Single();
        Assert.Equal((OutreachCloseReason.WrongNumber, April3), (p6.CloseReason, p6.ClosedOn));
        Assert.True((await scenario.OpenItemAsync("P7"))!.Attempts == 0, "a blank row records nothing");
        Assert.Equal(1, await scenario.CountAsync("SELECT COUNT(*) FROM outreach_do_not_contact WHERE patient_id = 'P5'"));
        Assert.Equal(2, await scenario.CountAsync("SELECT COUNT(*) FROM outreach_outcomes WHERE staff_initials = 'JD' AND outcome IN ('not_reached', 'left_message')"));
        Assert.Equal(1, await scenario.CountAsync("SELECT COUNT(*) FROM outreach_outcomes WHERE patient_id = 'P3' AND notes = 'Tuesdays only' AND staff_initials = 'AB'"));
    }

    private static async Task DoubleImport(DatabaseProvider provider)
    {
        await using var scenario = await OutreachScenario.CreateAsync(provider);
        var list = await scenario.WriteListAsync(April1, "P1", "P2");
        OutreachScenario.Fill(list, "P1", "not_reached", April3);
        OutreachScenario.Fill(list, "P2", "booked", April3);
        await scenario.ImportAsync(list);
        var before = await scenario.OutreachTablesAsync();

        var again = Assert.Single(await scenario.ImportAsync(list));

        Assert.True(again.Accepted);
        Assert.Equal((0, 2), (again.RecordedCount, again.AlreadyRecorded));
        Assert.Equal(before, await scenario.OutreachTablesAsync());
        Assert.Equal(1, (await scenario.OpenItemAsync("P1"))!.Attempts);
    }

    private static async Task RetryTiming(DatabaseProvider provider)
    {
        await using var scenario = await OutreachScenario.CreateAsync(provider);
        var list = await scenario.WriteListAsync(April1, "P1", "P2");
        OutreachScenario.Fill(list, "P1", "not_reached", April3);
        OutreachScenario.Fill(list, "P2", "left_message", April3.AddDays(1));
        await scenario.ImportAsync(list);

        var sixDays = await scenario.RefreshAsync(April3.AddDays(6), "P1", "P2");
        var sevenDays = await scenario.RefreshAsync(April3.AddDays(7), "P1", "P2");
        var eightDays = await scenario.RefreshAsync(April3.AddDays(8), "P1", "P2");

        Assert.Empty(sixDays.Due);
        Assert.Equal(new OutreachHold(OutreachHoldReason.AwaitingRetry, April3.AddDays(7)), sixDays.Held["P1"]);
        Assert.Equal(["P1"], sevenDays.Due);
        Assert.Equal(["P1", "P2"], eightDays.Due);
        Assert.Equal(0, eightDays.Opened);
    }

    private static async Task MaxAttempts(DatabaseProvider provider)
    {
        await using var scenario = await OutreachScenario.CreateAsync(provider);
        var day = April1;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var list = await scenario.WriteListAsync(day, "P1");
            OutreachScenario.Fill(list, "P1", attempt == 2 ? "left_message" : "not_reached", day.AddDays(1));
            Assert.True(Assert.Single(await scenario.ImportAsync(list)).Accepted);
            day = day.AddDays(8);
        }

        var item = (await scenario.ItemsAsync("P1")).Single();
        Assert.Equal((3, OutreachCloseReason.Unreachable, April1.AddDays(17)), (item.Attempts, item.CloseReason, item.ClosedOn));
        var afterClose = await scenario.RefreshAsync(April1.AddDays(18), "P1");
        Assert.Equal(OutreachHoldReason.Cooldown, afterClose.Held["P1"].Reason);
    }

    private static async Task DeclineSuppression(DatabaseProvider provider)
    {
        await using var scenario = await OutreachScenario.CreateAsync(provider);
        var list = await scenario.WriteListAsync(April1, "P1");
        OutreachScenario.Fill(list, "P1", "declined", April3);
        await scenario.ImportAsync(list);

        var cooldownOver = await scenario.RefreshAsync(April3.AddDays(30), "P1");
        var lastDay = await scenario.RefreshAsync(April3.AddDays(179), "P1");
        var over = await scenario.RefreshAsync(April3.AddDays(180), "P1");

        Assert.Equal(new OutreachHold(OutreachHoldReason.Declined, April3.AddDays(180)), cooldownOver.Held["P1"]);
        Assert.Equal(OutreachHoldReason.Declined, lastDay.Held["P1"].Reason);
        Assert.Equal(["P1"], over.Due);
        Assert.Equal(1, over.Opened);
    }
}
