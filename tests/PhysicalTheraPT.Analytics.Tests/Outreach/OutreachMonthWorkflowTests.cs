using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Outreach;

/// <summary>
/// Front desk works a month of weekly lists (April 2026): calls, records, hands a list back twice,
/// and the next lists and the month's outreach numbers reflect exactly what they did.
/// </summary>
public sealed class OutreachMonthWorkflowTests
{
    [Fact]
    public Task AMonthOfLists_IsReflectedInTheNextListsAndTheNumbers_OnSqlite() => WorkAMonth(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task AMonthOfLists_IsReflectedInTheNextListsAndTheNumbers_OnPostgres() => WorkAMonth(DatabaseProvider.Postgres);

    private static async Task WorkAMonth(DatabaseProvider provider)
    {
        await using var scenario = await OutreachScenario.CreateAsync(provider, moreData: data => data
            .Appointment("m2", "P2", "2026-04-20", "maintenance_massage", "booked", clinicId: "C01", bookedAtUtc: new DateTime(2026, 4, 7, 17, 0, 0, DateTimeKind.Utc)));
        string[] everyone = ["P1", "P2", "P3", "P4", "P5", "P6"];

        // Week 1: six patients. Calls on Tuesday and Wednesday, the list handed back; one more call on Thursday, handed back again.
        var week1 = await scenario.WriteListAsync(Day(6), everyone);
        OutreachScenario.Fill(week1, "P1", "not_reached", Day(7));
        OutreachScenario.Fill(week1, "P2", "booked", Day(7));
        OutreachScenario.Fill(week1, "P3", "declined", Day(8));
        OutreachScenario.Fill(week1, "P4", "left_message", Day(8), "AB");
        var first = Assert.Single(await scenario.ImportAsync(week1));
        OutreachScenario.Fill(week1, "P5", "wrong_number", Day(9));
        var second = Assert.Single(await scenario.ImportAsync(week1));

        // Week 2: P2 booked (no longer flagged); P1 and P4 wait a week after their try; P3 declined; P5's number is wrong.
        var week2 = await scenario.RefreshAsync(Day(13), "P1", "P3", "P4", "P5", "P6");

        // Week 3: P1 and P4 are back. Calls on Tuesday.
        var week3List = await scenario.WriteListAsync(Day(20), "P1", "P3", "P4", "P5", "P6");
        OutreachScenario.Fill(week3List, "P1", "not_reached", Day(21));
        OutreachScenario.Fill(week3List, "P4", "booked", Day(21), "AB");
        OutreachScenario.Fill(week3List, "P6", "do_not_contact", Day(21));
        await scenario.ImportAsync(week3List);
        await new ClinicDataBuilder()
            .Appointment("m4", "P4", "2026-05-04", "maintenance_massage", "booked", clinicId: "C01", bookedAtUtc: new DateTime(2026, 4, 22, 17, 0, 0, DateTimeKind.Utc))
            .WriteAsync(scenario.Database);

        // Week 4 and the first Monday of May.
        var week4 = await scenario.RefreshAsync(Day(27), "P1", "P3", "P5");
        var may4 = await scenario.RefreshAsync(Day(28 + 6), "P1", "P3", "P5");

        Assert.Equal((4, 0), (first.RecordedCount, first.AlreadyRecorded));
        Assert.Equal((1, 4), (second.RecordedCount, second.AlreadyRecorded));
        Assert.Equal(["P6"], week2.Due);
        Assert.Equal(
            [OutreachHoldReason.AwaitingRetry, OutreachHoldReason.Declined, OutreachHoldReason.AwaitingRetry, OutreachHoldReason.Cooldown],
            new[] { "P1", "P3", "P4", "P5" }.Select(patient => week2.Held[patient].Reason));
        Assert.Equal(OutreachCloseReason.Booked, (await scenario.ItemsAsync("P2")).Single().CloseReason);
        Assert.Equal(["P1", "P4", "P6"], ListedOn(week3List));
        Assert.Empty(week4.Due);
        Assert.Equal(["P1"], may4.Due);
        Assert.Equal(2, (await scenario.OpenItemAsync("P1"))!.Attempts);

        var numbers = await new OutreachNumbers(scenario.Database, Options.Create(new OutreachOptions())).ForReportAsync("C01", [new CalendarMonth(2026, 4)], new DateOnly(2026, 5, 15));
        var april = numbers.Months.Single();
        Assert.Equal((6, 6, 4, 2, 1, false), (april.Listed, april.Contacted, april.Reached, april.BookedAfterOutreach, april.WrongNumbers, april.Provisional));
        Assert.Equal(1.0 / 3, april.Conversion!.Value, 9);
        Assert.Equal(["P5"], numbers.WrongNumberPatientIds);
        var staff = numbers.ByStaff.ToDictionary(line => line.Name);
        Assert.Equal((5, 3, 1), (staff["JD"].Contacted, staff["JD"].Reached, staff["JD"].BookedAfterOutreach));
        Assert.Equal((1, 1, 1), (staff["AB"].Contacted, staff["AB"].Reached, staff["AB"].BookedAfterOutreach));
    }

    private static DateOnly Day(int dayOfApril) => new DateOnly(2026, 4, 1).AddDays(dayOfApril - 1);

    private static IEnumerable<string> ListedOn(string list)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook(list);
        var sheet = workbook.Worksheet(OutreachListLayout.ListSheet);
        var key = OutreachScenario.ColumnOf(sheet, OutreachListLayout.RowKey);
        return [.. sheet.Column(key).CellsUsed().Skip(1).Select(cell => cell.GetString().Split('|')[2]).Order(StringComparer.Ordinal)];
    }
}
