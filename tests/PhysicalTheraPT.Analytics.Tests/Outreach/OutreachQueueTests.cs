using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Outreach;

public sealed class OutreachQueueTests
{
    private static readonly DateOnly March1 = new(2026, 3, 1);

    [Fact]
    public Task Refresh_KeepsOneOpenItemPerPatient_WhenRunAgain_OnSqlite() => KeepsOneOpenItemPerPatient(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Refresh_KeepsOneOpenItemPerPatient_WhenRunAgain_OnPostgres() => KeepsOneOpenItemPerPatient(DatabaseProvider.Postgres);

    [Fact]
    public Task Refresh_ClosesItems_WhenPatientsBookStartAnEpisodeOrAreNoLongerFlagged_OnSqlite() => ClosesItems(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Refresh_ClosesItems_WhenPatientsBookStartAnEpisodeOrAreNoLongerFlagged_OnPostgres() => ClosesItems(DatabaseProvider.Postgres);

    [Fact]
    public Task Refresh_OpensANewItemOnlyAfterTheCooldown_WhenAClosedPatientIsFlaggedAgain_OnSqlite() => CooldownBeforeANewItem(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Refresh_OpensANewItemOnlyAfterTheCooldown_WhenAClosedPatientIsFlaggedAgain_OnPostgres() => CooldownBeforeANewItem(DatabaseProvider.Postgres);

    private static async Task KeepsOneOpenItemPerPatient(DatabaseProvider provider)
    {
        await using var scenario = await OutreachScenario.CreateAsync(provider);

        var first = await scenario.RefreshAsync(March1, "P1", "P2");
        var second = await scenario.RefreshAsync(March1.AddDays(1), "P1", "P2");
        var third = await scenario.Queue.RefreshAsync("C01", March1.AddDays(2), [new OutreachCandidate("C01", "P1", PatientFlagKind.MaintenanceLapsed, "Last maintenance 1 Jan", 80), new OutreachCandidate("C01", "P2", PatientFlagKind.DroppedAfterAcute, "Discharged; no maintenance booked", 50)]);

        Assert.Equal(2, first.Opened);
        Assert.Equal(["P1", "P2"], first.Due);
        Assert.Equal((0, 0), (second.Opened, second.ClosedCount));
        Assert.Equal(["P1", "P2"], second.Due);
        Assert.Equal((0, 1), (third.Opened, third.Updated));
        var item = Assert.Single(await scenario.ItemsAsync("P1"));
        Assert.Equal((PatientFlagKind.MaintenanceLapsed, 80, March1), (item.Flag, item.Priority, item.FirstListed));
        Assert.Equal(2, await scenario.CountAsync("SELECT COUNT(*) FROM outreach_items WHERE status = 'open'"));
    }

    private static async Task ClosesItems(DatabaseProvider provider)
    {
        await using var scenario = await OutreachScenario.CreateAsync(provider);
        await scenario.RefreshAsync(March1, "P1", "P2", "P3", "P4", "P5");
        await new ClinicDataBuilder()
            .Appointment("m1", "P1", "2026-03-05", "maintenance_massage", "booked", clinicId: "C01")
            .Appointment("m2", "P2", "2026-02-20", "maintenance_massage", "completed", clinicId: "C01")
            .Appointment("m3", "P3", "2026-03-04", "maintenance_massage", "cancelled", clinicId: "C01")
            .Appointment("a4", "P4", "2026-03-03", "pt", "completed", clinicId: "C01")
            .WriteAsync(scenario.Database);

        var refresh = await scenario.RefreshAsync(March1.AddDays(3), "P1", "P2", "P3", "P4");

        Assert.Equal(OutreachCloseReason.Booked, (await scenario.ItemsAsync("P1")).Single().CloseReason);
        Assert.True((await scenario.ItemsAsync("P2")).Single().IsOpen, "a maintenance visit before the item was listed does not close it");
        Assert.True((await scenario.ItemsAsync("P3")).Single().IsOpen, "a cancelled booking does not close the item");
        Assert.Equal(OutreachCloseReason.NewEpisode, (await scenario.ItemsAsync("P4")).Single().CloseReason);
        var p5 = (await scenario.ItemsAsync("P5")).Single();
        Assert.Equal((OutreachCloseReason.NoLongerFlagged, March1.AddDays(3)), (p5.CloseReason, p5.ClosedOn));
        Assert.Equal(["P2", "P3"], refresh.Due);
        Assert.Equal(3, refresh.ClosedCount);
    }

    private static async Task CooldownBeforeANewItem(DatabaseProvider provider)
    {
        await using var scenario = await OutreachScenario.CreateAsync(provider);
        await scenario.RefreshAsync(March1, "P1");
        await scenario.RefreshAsync(March1.AddDays(1));

        var dayTwentyNine = await scenario.RefreshAsync(March1.AddDays(1 + 29), "P1");
        var dayThirty = await scenario.RefreshAsync(March1.AddDays(1 + 30), "P1");

        Assert.Equal(OutreachHoldReason.Cooldown, dayTwentyNine.Held["P1"].Reason);
        Assert.Empty(dayTwentyNine.Due);
        Assert.Equal(1, dayThirty.Opened);
        Assert.Equal(["P1"], dayThirty.Due);
        var items = await scenario.ItemsAsync("P1");
        Assert.Equal(2, items.Count);
        Assert.Single(items, item => item.IsOpen);
    }
}
