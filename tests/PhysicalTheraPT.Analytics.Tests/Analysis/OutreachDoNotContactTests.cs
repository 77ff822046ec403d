using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.Outreach;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Analysis;

/// <summary>
/// A patient who told front desk "do not contact me" is never flagged, listed or counted again: not by
/// the flags, the monthly numbers or the queue, and not after the clinic software's
/// patients.csv (which knows nothing of it) is imported again.
/// </summary>
public sealed class OutreachDoNotContactTests
{
    private static readonly DateOnly April1 = new(2026, 4, 1);

    [Fact]
    public Task DoNotContact_IsHonouredByFlagsCountsAndQueue_AfterTheEmrReimport_OnSqlite() => HonouredEverywhere(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task DoNotContact_IsHonouredByFlagsCountsAndQueue_AfterTheEmrReimport_OnPostgres() => HonouredEverywhere(DatabaseProvider.Postgres);

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
        var before = await analysis.FlagsAsync(April1, clinicId: null);
        Assert.Equal(["P1", "P2"], before.Flags.Select(flag => flag.PatientId));
        var list = await scenario.WriteListAsync(April1, "P1", "P2");
        OutreachScenario.Fill(list, "P1", "do_not_contact", April1.AddDays(1));
        Assert.True(Assert.Single(await scenario.ImportAsync(list)).Accepted);

        // The clinic software's export still says P1 may be contacted, on every channel (allow_phone, allow_sms, allow_email true).
        await new ClinicDataBuilder().Patient("P1", "C01", doNotContact: false).WriteAsync(scenario.Database);
        var flags = await analysis.FlagsAsync(April1.AddDays(60), clinicId: null);
        var numbers = await analysis.MonthlyAsync(new CalendarMonth(2026, 5), new DateOnly(2026, 6, 1), withFlaggedPatients: false);
        var refresh = await scenario.Queue.RefreshAsync(flags);

        Assert.Equal(["P2"], flags.Flags.Select(flag => flag.PatientId));
        Assert.Equal(1, numbers.Metrics.All.DroppedAfterAcute);
        Assert.Equal(["P2"], refresh.Single(result => result.ClinicId == "C01").Due);
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
