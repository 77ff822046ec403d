using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Outreach;

/// <summary>
/// A recorded death and consent per channel, from the clinic's patient rows through the flags, the
/// outreach queue and the list: five patients of c1 who all dropped after acute care (discharged 20
/// January, judged as of 2 March 2026). p1 allows everything, p2 died, p3 allows no channel, p4 allows
/// email only, p5 everything but email.
/// </summary>
public sealed class ContactConsentOutreachTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 2);

    [Fact]
    public Task Flags_LeaveOutTheDeceasedAndThoseWithNoChannel_OnSqlite() => FlagsLeaveThemOut(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Flags_LeaveOutTheDeceasedAndThoseWithNoChannel_OnPostgres() => FlagsLeaveThemOut(DatabaseProvider.Postgres);

    [Fact]
    public Task List_OffersOnlyAllowedChannels_OnSqlite() => ListOffersOnlyAllowedChannels(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task List_OffersOnlyAllowedChannels_OnPostgres() => ListOffersOnlyAllowedChannels(DatabaseProvider.Postgres);

    [Fact]
    public Task Queue_HoldsThemAsDoNotContact_WhenStoredFlagsPredateTheDeath_OnSqlite() => QueueHoldsThem(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Queue_HoldsThemAsDoNotContact_WhenStoredFlagsPredateTheDeath_OnPostgres() => QueueHoldsThem(DatabaseProvider.Postgres);

    private static async Task FlagsLeaveThemOut(DatabaseProvider provider)
    {
        await using var test = await CreateAsync(provider);

        var flags = await Analysis(test.Database).FlagsAsync(AsOf, "c1");

        Assert.Equal(["p1", "p4", "p5"], flags.Flags.Select(flag => flag.PatientId).Order(StringComparer.Ordinal));
    }

    private static async Task ListOffersOnlyAllowedChannels(DatabaseProvider provider)
    {
        await using var test = await CreateAsync(provider);
        using var folder = new TemporaryFolder();

        var build = await Service(test.Database).BuildAsync("c1", AsOf);
        var run = await Service(test.Database).WriteAsync(new OutreachListRequest { AsOf = AsOf, ClinicId = "c1", OutputDirectory = folder.Path });

        Assert.Equal(
            [
                ("p1", "555-0101", "p1@example.com", "sms"),
                ("p4", null, "p4@example.com", "email"),
                ("p5", "555-0105", null, "phone"),
            ],
            build.List.Rows.Select(row => (row.PatientId, row.Phone, row.Email, row.PreferredChannel)).OrderBy(row => row.PatientId, StringComparer.Ordinal));
        var list = Assert.Single(run.Lists);
        Assert.Equal((3, 3), (list.Flagged, list.File.RowsWritten));
    }

    private static async Task QueueHoldsThem(DatabaseProvider provider)
    {
        await using var test = await CreateAsync(provider);
        var queue = new OutreachQueue(test.Database, Options.Create(new OutreachOptions()));
        // Flags stored the night before the export that recorded the death and the withdrawn consent.
        OutreachCandidate[] storedFlags = [.. new[] { "p1", "p2", "p3", "p4", "p5" }.Select(patient => new OutreachCandidate("c1", patient, PatientFlagKind.DroppedAfterAcute, "Discharged; no maintenance booked", 50))];

        var refresh = await queue.RefreshAsync("c1", AsOf, storedFlags);
        var list = await Service(test.Database, queue).BuildAsync("c1", AsOf);

        Assert.Equal(["p1", "p4", "p5"], refresh.Due.Order(StringComparer.Ordinal));
        Assert.Equal(
            [("p2", OutreachHoldReason.DoNotContact), ("p3", OutreachHoldReason.DoNotContact)],
            refresh.Held.Select(pair => (pair.Key, pair.Value.Reason)).OrderBy(pair => pair.Key, StringComparer.Ordinal));
        Assert.Equal(3, refresh.Opened);
        Assert.DoesNotContain(list.List.Rows, row => row.PatientId is "p2" or "p3");
    }

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var test = TestDatabase.Create(provider);
        var data = new ClinicDataBuilder().Clinic("c1").Provider("pr1");
        AddPatient(data, "p1");
        AddPatient(data, "p2", deceasedOn: new DateOnly(2026, 2, 15));
        AddPatient(data, "p3", phone: false, sms: false, email: false);
        AddPatient(data, "p4", phone: false, sms: false, preferred: "phone");
        AddPatient(data, "p5", email: false, preferred: "email");
        await data.WriteAsync(test.Database);
        return test;
    }

    private static void AddPatient(ClinicDataBuilder data, string patientId, DateOnly? deceasedOn = null, bool phone = true, bool sms = true, bool email = true, string preferred = "sms")
    {
        var number = patientId[1..];
        data.Patient(new PatientRow(
            patientId, "c1", "Test", "Patient " + number, null, "555-010" + number, patientId + "@example.com", preferred, false, deceasedOn, phone, sms, email));
        data.Episode("e" + number, patientId, "2025-12-01", "2026-01-20", "goals_met")
            .Appointment("a" + number + "-1", patientId, "2025-12-02", episodeId: "e" + number, providerId: "pr1")
            .Appointment("a" + number + "-2", patientId, "2026-01-19", episodeId: "e" + number, providerId: "pr1");
    }

    private static RetentionAnalysis Analysis(AnalyticsDatabase database) =>
        new(database, Options.Create(new RetentionOptions()), TimeProvider.System);

    private static OutreachListService Service(AnalyticsDatabase database, OutreachQueue? queue = null) =>
        new(
            database,
            Analysis(database),
            new PatientFlagStore(database, TimeProvider.System),
            new OutreachListWriter(new ListSigningKeyStore(database)),
            queue ?? new OutreachQueue(database, Options.Create(new OutreachOptions())));
}
