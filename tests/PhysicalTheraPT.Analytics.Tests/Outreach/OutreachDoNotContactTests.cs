using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Outreach;

/// <summary>
/// A patient who told front desk "do not contact me" is never flagged, listed or counted again: not by
/// the flags, the monthly numbers, the queue or the list filter, and not after the clinic software's
/// patients.csv (which knows nothing of it) is imported again.
/// </summary>
public sealed class OutreachDoNotContactTests
{
    private static readonly DateOnly April1 = new(2026, 4, 1);

    [Fact]
    public Task DoNotContact_IsHonouredByFlagsCountsQueueAndFilter_AfterTheEmrReimport_OnSqlite() => HonouredEverywhere(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task DoNotContact_IsHonouredByFlagsCountsQueueAndFilter_AfterTheEmrReimport_OnPostgres() => HonouredEverywhere(DatabaseProvider.Postgres);

    [Fact]
    public async Task FlagsCommand_LeavesOutThePatient_WhenFrontDeskRecordedDoNotContact()
    {
        await using var scenario = await DischargedPatientsAsync(DatabaseProvider.Sqlite);
        var list = await scenario.WriteListAsync(April1, "P1", "P2");
        OutreachScenario.Fill(list, "P1", "do_not_contact", April1.AddDays(1));
        await scenario.ImportAsync(list);

        var (exitCode, output) = await CliRunner.RunAsync([.. scenario.Test.CommandLineArguments, "flags", "--as-of", "2026-04-01"]);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("P1,", output, StringComparison.Ordinal);
        Assert.Contains("P2,C01,dropped_after_acute", output, StringComparison.Ordinal);
    }

    private static async Task HonouredEverywhere(DatabaseProvider provider)
    {
        await using var scenario = await DischargedPatientsAsync(provider);
        var analysis = new RetentionAnalysis(scenario.Database, Options.Create(new RetentionOptions()), scenario.Clock);
        var before = await analysis.RunAsync(new RetentionAnalysisRequest { AsOf = April1 });
        Assert.Equal(["P1", "P2"], before.Flags.Select(flag => flag.PatientId));
        var list = await scenario.WriteListAsync(April1, "P1", "P2");
        OutreachScenario.Fill(list, "P1", "do_not_contact", April1.AddDays(1));
        Assert.True(Assert.Single(await scenario.ImportAsync(list)).Accepted);

        // The clinic software's export still says P1 may be contacted.
        await new ClinicDataBuilder().Patient("P1", "C01", doNotContact: false).WriteAsync(scenario.Database);
        var flags = await analysis.RunAsync(new RetentionAnalysisRequest { AsOf = April1.AddDays(60) });
        var numbers = await analysis.RunAsync(new RetentionAnalysisRequest { Month = new CalendarMonth(2026, 5) });
        var refresh = await scenario.Queue.RefreshAsync(flags);
        var filtered = await scenario.Suppressions.FilterAsync("C01", April1.AddDays(60), ["P1", "P2"], patient => patient);

        Assert.Equal(["P2"], flags.Flags.Select(flag => flag.PatientId));
        Assert.Equal(1, numbers.Metrics!.All.DroppedAfterAcute);
        Assert.Equal(["P2"], refresh.Single(result => result.ClinicId == "C01").Due);
        Assert.Equal(["P2"], filtered.Listed);
        Assert.Equal(new OutreachHold(OutreachHoldReason.DoNotContact, null), filtered.Held["P1"]);
    }

    /// <summary>P1 and P2 discharged on 10 February after three visits, no maintenance: both dropped after acute from 24 February.</summary>
    private static Task<OutreachScenario> DischargedPatientsAsync(DatabaseProvider provider) =>
        OutreachScenario.CreateAsync(provider, moreData: data =>
        {
            foreach (var patient in new[] { "P1", "P2" })
            {
                data.Episode("e" + patient, patient, "2026-01-05", "2026-02-10", "goals_met")
                    .Appointment(patient + "a1", patient, "2026-01-05", episodeId: "e" + patient)
                    .Appointment(patient + "a2", patient, "2026-01-20", episodeId: "e" + patient)
                    .Appointment(patient + "a3", patient, "2026-02-10", episodeId: "e" + patient);
            }
        });
}
