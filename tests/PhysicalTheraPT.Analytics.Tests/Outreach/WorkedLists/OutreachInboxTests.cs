using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Outreach.WorkedLists;

/// <summary>
/// The inbox as front desk meets it: a worked list dropped into the folder is recorded and moved to
/// imported/, a bad one lands in rejected/ with a problems file that says what to fix, and a file still
/// being copied is left alone until the copy is done.
/// </summary>
public sealed class OutreachInboxTests
{
    private static readonly DateOnly April1 = new(2026, 4, 1);
    private static readonly DateOnly April3 = new(2026, 4, 3);

    [Fact]
    public Task ImportAsync_RecordsAWorkedList_AndMovesItToImported_OnSqlite() => RecordsAndMoves(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ImportAsync_RecordsAWorkedList_AndMovesItToImported_OnPostgres() => RecordsAndMoves(DatabaseProvider.Postgres);

    private static async Task RecordsAndMoves(DatabaseProvider provider)
    {
        await using var scenario = await OutreachScenario.CreateAsync(provider);
        var inbox = Inbox(scenario);
        var dropped = Drop(inbox, await WorkedListAsync(scenario));

        var run = await Run(scenario).ImportAsync(inbox, TestTimeout.Token);

        var entry = Assert.Single(run.Files);
        Assert.Equal((InboxEntry.Imported, "C01", (DateOnly?)April1, 1, 0), (entry.Status, entry.ClinicId, entry.ListAsOf, entry.Recorded, entry.Problems));
        Assert.False(File.Exists(dropped));
        Assert.True(File.Exists(Path.Combine(inbox, "imported", Path.GetFileName(dropped))));
        Assert.Equal(Path.Combine(inbox, "imported", Path.GetFileName(dropped)), entry.MovedTo);
        Assert.Equal(OutreachCloseReason.Booked, (await scenario.ItemsAsync("P1")).Single().CloseReason);
        Assert.Equal(entry, Assert.Single(await new InboxHistory(scenario.Database).RecentAsync(["C01"], 10, TestTimeout.Token)));
    }

    [Fact]
    public async Task ImportAsync_RecordsTheList_WhenItWasSavedWithoutItsCustomDocumentProperties()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var list = await WorkedListAsync(scenario);
        using (var document = SpreadsheetDocument.Open(list, isEditable: true))
        {
            document.DeletePart(document.CustomFilePropertiesPart!);
        }

        var inbox = Inbox(scenario);
        Drop(inbox, list);

        var run = await Run(scenario).ImportAsync(inbox, TestTimeout.Token);

        Assert.Equal((1, 0, 1), (run.Imported, run.Rejected, run.Recorded));
    }

    [Fact]
    public async Task ImportAsync_RecordsOnce_WhenTheSameListIsDroppedTwice()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var inbox = Inbox(scenario);
        var list = await WorkedListAsync(scenario);
        Drop(inbox, list);
        await Run(scenario).ImportAsync(inbox, TestTimeout.Token);
        var before = await scenario.OutreachTablesAsync();
        var again = Drop(inbox, list);

        var run = await Run(scenario).ImportAsync(inbox, TestTimeout.Token);

        var entry = Assert.Single(run.Files);
        Assert.Equal((InboxEntry.Imported, 0, 1), (entry.Status, entry.Recorded, entry.AlreadyRecorded));
        Assert.Equal(before, await scenario.OutreachTablesAsync());
        var name = Path.GetFileNameWithoutExtension(again);
        Assert.Equal(Path.Combine(inbox, "imported", name + " (2).xlsx"), entry.MovedTo);
        Assert.True(File.Exists(Path.Combine(inbox, "imported", name + ".xlsx")));
    }

    [Fact]
    public async Task ImportAsync_RejectsAListWithAnEditedKey_WithAProblemsFileThatSaysWhatToFixAndNoPatientValues()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var list = await WorkedListAsync(scenario);
        OutreachScenario.Edit(list, "P1", OutreachListLayout.RowKey, cell => cell.SetValue(cell.GetString().Replace("|P1|", "|P8|", StringComparison.Ordinal)));
        var inbox = Inbox(scenario);
        var dropped = Drop(inbox, list);
        var before = await scenario.OutreachTablesAsync();

        var run = await Run(scenario).ImportAsync(inbox, TestTimeout.Token);

        var entry = Assert.Single(run.Files);
        var name = Path.GetFileName(dropped);
        Assert.Equal((InboxEntry.Rejected, "C01", 0, 1), (entry.Status, entry.ClinicId, entry.Recorded, entry.Problems));
        Assert.Equal(Path.Combine(inbox, "rejected", name), entry.MovedTo);
        Assert.True(File.Exists(entry.MovedTo));
        Assert.False(File.Exists(dropped));
        var problems = await File.ReadAllTextAsync(Path.Combine(inbox, "rejected", name + ".problems.txt"));
        Assert.StartsWith(name + " was not imported: nothing from it was recorded.\nFix the problem below in the file, save it, and drop it into the inbox again:\n" + inbox + "\n\n- row 4: the row key's signature does not match", problems, StringComparison.Ordinal);
        Assert.Contains("Do not edit the hidden Row key column", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("Patient P", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("555-0100", problems, StringComparison.Ordinal);
        Assert.StartsWith("row 4: the row key's signature does not match", entry.Summary, StringComparison.Ordinal);
        Assert.Equal(before, await scenario.OutreachTablesAsync());
    }

    [Fact]
    public async Task ImportAsync_RejectsARandomWorkbook_AndShowsItOnlyToThoseWhoSeeEveryClinic()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var inbox = Inbox(scenario);
        using (var workbook = new XLWorkbook())
        {
            workbook.AddWorksheet("Budget").Cell(1, 1).SetValue("Rent");
            workbook.SaveAs(Path.Combine(inbox, "budget.xlsx"));
        }

        var run = await Run(scenario).ImportAsync(inbox, TestTimeout.Token);

        var entry = Assert.Single(run.Files);
        Assert.Equal((InboxEntry.Rejected, null), (entry.Status, entry.ClinicId));
        var problems = await File.ReadAllTextAsync(Path.Combine(inbox, "rejected", "budget.xlsx.problems.txt"));
        Assert.Contains("\n- this workbook is not an outreach list made by ptanalytics", problems, StringComparison.Ordinal);
        var history = new InboxHistory(scenario.Database);
        Assert.Empty(await history.RecentAsync(["C01", "C02"], 10, TestTimeout.Token));
        Assert.Equal(entry, Assert.Single(await history.RecentAsync(null, 10, TestTimeout.Token)));
    }

    [Fact]
    public async Task ImportAsync_LeavesAFileStillBeingCopied_ForTheNextRun()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var inbox = Inbox(scenario);
        var content = await File.ReadAllBytesAsync(await WorkedListAsync(scenario));
        var copying = Path.Combine(inbox, "outreach-C01-2026-04-01.xlsx");
        await File.WriteAllBytesAsync(copying, content[..(content.Length / 2)]);

        // The copy goes on while the inbox waits between its two looks.
        var first = await Run(scenario, async () =>
        {
            await using var stream = new FileStream(copying, FileMode.Append);
            await stream.WriteAsync(content.AsMemory(content.Length / 2));
        }).ImportAsync(inbox, TestTimeout.Token);
        var second = await Run(scenario).ImportAsync(inbox, TestTimeout.Token);

        Assert.Equal((0, 1), (first.Files.Count, first.LeftForNextRun));
        Assert.False(Directory.Exists(Path.Combine(inbox, "rejected")));
        Assert.Equal((1, 1, 0), (second.Imported, second.Recorded, second.LeftForNextRun));
    }

    [Fact]
    public async Task ImportAsync_LeavesAFile_WhileAnotherProgramHoldsItOpenOrASpreadsheetHasItOpen()
    {
        await using var scenario = await OutreachScenario.CreateAsync(DatabaseProvider.Sqlite);
        var inbox = Inbox(scenario);
        var held = Drop(inbox, await WorkedListAsync(scenario));
        var open = Path.Combine(inbox, "open.xlsx");
        File.Copy(held, open);
        await File.WriteAllTextAsync(Path.Combine(inbox, ".~lock.open.xlsx#"), "JD,front-desk;");

        InboxRun run;
        await using (new FileStream(held, FileMode.Open, FileAccess.ReadWrite, FileShare.Read))
        {
            run = await Run(scenario).ImportAsync(inbox, TestTimeout.Token);
        }

        Assert.Equal((0, 2), (run.Files.Count, run.LeftForNextRun));
        Assert.True(File.Exists(held) && File.Exists(open));
        Assert.Equal(0, await scenario.CountAsync("SELECT COUNT(*) FROM outreach_outcomes"));
    }

    private static async Task<string> WorkedListAsync(OutreachScenario scenario)
    {
        var list = await scenario.WriteListAsync(April1, "P1", "P2");
        OutreachScenario.Fill(list, "P1", "booked", April3);
        return list;
    }

    private static string Inbox(OutreachScenario scenario) => Directory.CreateDirectory(Path.Combine(scenario.Folder, "inbox")).FullName;

    /// <summary>Copies the list into the inbox under its own name, as front desk drops it.</summary>
    private static string Drop(string inbox, string list)
    {
        var dropped = Path.Combine(inbox, Path.GetFileName(list));
        File.Copy(list, dropped);
        return dropped;
    }

    private static OutreachInbox Run(OutreachScenario scenario, Func<Task>? whileWaiting = null) =>
        new(scenario.Importer, new InboxHistory(scenario.Database), scenario.Clock, _ => whileWaiting?.Invoke() ?? Task.CompletedTask);
}
