using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Analysis;

public sealed class RetentionAnalysisTests
{
    [Fact]
    public async Task FlagsAsync_JudgesEachClinicByItsOwnToday_WhenNoAsOfGiven()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        // The same discharge in Denver and New York, 14 days before 2 March: flagged where it is already
        // 2 March, not yet where it is still 1 March.
        await TwoTimeZones.Build().WriteAsync(test.Database);
        var clock = TwoTimeZones.Clock();

        var result = await Analysis(test.Database, clock).FlagsAsync(asOf: null, clinicId: null);

        var flag = Assert.Single(result.Flags);
        Assert.Equal("p2", flag.PatientId);
        Assert.Equal(14, flag.DaysSince);
        Assert.Equal(new DateOnly(2026, 3, 1), result.AsOfByClinic["denver"]);
        Assert.Equal(new DateOnly(2026, 3, 2), result.AsOfByClinic["newyork"]);
    }

    [Fact]
    public async Task FlagsAsync_SortsFlagsByClinicThenPriorityThenPatient()
    {
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        // Same clinic, same priority for p1 and p3; p2 is more recent, so higher; c0 sorts first.
        await new ClinicDataBuilder()
            .Clinic("c1").Clinic("c0")
            .Patient("p3", "c1").Patient("p1", "c1").Patient("p2", "c1").Patient("p9", "c0")
            .Episode("e3", "p3", "2025-10-01", "2025-11-01", "goals_met")
            .Episode("e1", "p1", "2025-10-01", "2025-11-01", "goals_met")
            .Episode("e2", "p2", "2025-12-01", "2026-02-01", "goals_met")
            .Episode("e9", "p9", "2025-10-01", "2025-11-01", "goals_met")
            .WriteAsync(test.Database);

        var result = await Analysis(test.Database).FlagsAsync(new DateOnly(2026, 3, 2), clinicId: null);

        Assert.Equal(["c0/p9", "c1/p2", "c1/p1", "c1/p3"], result.Flags.Select(flag => $"{flag.ClinicId}/{flag.PatientId}"));
        Assert.True(result.Flags[1].Priority > result.Flags[2].Priority);
        Assert.Equal(result.Flags[2].Priority, result.Flags[3].Priority);
    }

    [Fact]
    public async Task MonthlyAsync_CountsTheSameFlagsItLists_WhenFlaggedPatientsAskedFor()
    {
        await using var test = await RetentionCommandData.CreateDatabaseAsync();
        var month = new CalendarMonth(2026, 2);

        var result = await Analysis(test.Database).MonthlyAsync(month, AsOfDates.ForMonth(month), withFlaggedPatients: true);

        // One pass: the flagged patients handed back and the flags counted in the numbers are the same patients.
        Assert.Equal(new DateOnly(2026, 3, 1), result.Metrics.AsOf);
        Assert.Equal(7, result.Patients);
        Assert.Equal(["p01", "p03", "p05"], result.FlaggedPatients.Select(flag => flag.PatientId).Order(StringComparer.Ordinal));
        Assert.Equal(result.FlaggedPatients.Count(flag => flag.Kind == PatientFlagKind.DroppedAfterAcute), result.Metrics.All.DroppedAfterAcute);
        Assert.Equal(result.FlaggedPatients.Count(flag => flag.Kind == PatientFlagKind.MaintenanceLapsed), result.Metrics.All.MaintenanceLapsed);
        Assert.Equal(["c1", "c2", "c3"], result.Metrics.Clinics.Select(clinic => clinic.ClinicId));
    }

    [Fact]
    public async Task MonthlyAsync_ListsNoFlaggedPatients_WhenNotAskedFor()
    {
        await using var test = await RetentionCommandData.CreateDatabaseAsync();
        var month = new CalendarMonth(2026, 2);

        var result = await Analysis(test.Database).MonthlyAsync(month, AsOfDates.ForMonth(month), withFlaggedPatients: false);

        Assert.Empty(result.FlaggedPatients);
        Assert.Equal(3, result.Metrics.All.DroppedAfterAcute + result.Metrics.All.MaintenanceLapsed);
    }

    [Fact]
    public async Task StreamFlagsAsync_HandsOverTheSameFlagsAsFlagsAsync()
    {
        await using var test = await RetentionCommandData.CreateDatabaseAsync();
        var asOf = new DateOnly(2026, 3, 1);
        var analysis = Analysis(test.Database);

        var streamed = new List<PatientFlag>();
        await foreach (var flag in analysis.StreamFlagsAsync(asOf, clinicId: null))
        {
            streamed.Add(flag);
        }

        var collected = await analysis.FlagsAsync(asOf, clinicId: null);
        streamed.Sort(RetentionAnalysis.FlagOrder);
        Assert.Equal(collected.Flags, streamed);
    }

    [Fact]
    public Task FlagsAsync_FlagsWhatEvaluatingEveryPatientFlags_OnSqlite() =>
        FlagsAsync_FlagsWhatEvaluatingEveryPatientFlags(DatabaseProvider.Sqlite, leavesOutOldPatients: true);

    [PostgresFact]
    public Task FlagsAsync_FlagsWhatEvaluatingEveryPatientFlags_OnPostgres() =>
        FlagsAsync_FlagsWhatEvaluatingEveryPatientFlags(DatabaseProvider.Postgres, leavesOutOldPatients: false);

    [Fact]
    public async Task FlagsAsync_FlagsAPatientWhoseLastDateIsLookbackDaysBack_AndReadsNoOlderOne()
    {
        // Arrange: p1 discharged exactly 365 days (the lookback) before the as-of date, p2 a day earlier.
        await using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await new ClinicDataBuilder()
            .Clinic("c1")
            .Patient("p1", "c1").Patient("p2", "c1")
            .Episode("e1", "p1", "2025-01-10", "2025-03-02", "goals_met")
            .Episode("e2", "p2", "2025-01-10", "2025-03-01", "goals_met")
            .WriteAsync(test.Database);

        // Act
        var result = await Analysis(test.Database).FlagsAsync(new DateOnly(2026, 3, 2), clinicId: null);

        // Assert
        var flag = Assert.Single(result.Flags);
        Assert.Equal(("p1", 365), (flag.PatientId, flag.DaysSince));
        Assert.Equal(1, result.Patients);
    }

    private static async Task FlagsAsync_FlagsWhatEvaluatingEveryPatientFlags(DatabaseProvider provider, bool leavesOutOldPatients)
    {
        // Arrange: as-of dates from before the seeded history to past its lookback, every one read only
        // the patients with a recent date (SQLite; a server reads everyone, see PatientHistoryReader.ReadAsync);
        // the reference evaluates every patient.
        await using var test = await SeededHistory.CreateAsync(provider, SeededHistory.Small);
        var analysis = Analysis(test.Database);
        var clinics = await ClinicDirectory.LoadAsync(test.Database, TestTimeout.Token);
        var evaluator = new PatientEvaluator(new RetentionOptions(), clinics.ProviderNames);
        var readFewerOnce = false;
        for (var asOf = SeededHistory.Until.AddMonths(-20); asOf <= SeededHistory.Until.AddDays(400); asOf = asOf.AddDays(29))
        {
            var expected = new List<PatientFlag>();
            var everyone = 0;
            await foreach (var history in new PatientHistoryReader(test.Database).ReadAsync(cancellationToken: TestTimeout.Token))
            {
                everyone++;
                if (evaluator.Evaluate(history, asOf).Flag is { } flag)
                {
                    expected.Add(flag);
                }
            }

            expected.Sort(RetentionAnalysis.FlagOrder);

            // Act
            var result = await analysis.FlagsAsync(asOf, clinicId: null, cancellationToken: TestTimeout.Token);
            var ofOneClinic = await analysis.FlagsAsync(asOf, clinics.ClinicIds[0], cancellationToken: TestTimeout.Token);

            // Assert
            Assert.Equal(expected, result.Flags);
            Assert.Equal(expected.Where(flag => flag.ClinicId == clinics.ClinicIds[0]), ofOneClinic.Flags);
            readFewerOnce |= result.Patients < everyone;
        }

        Assert.True(readFewerOnce == leavesOutOldPatients, leavesOutOldPatients
            ? "no as-of date left out a patient: the restriction was not exercised"
            : "a server left patients out: it was to read everyone");
    }

    [Fact]
    public async Task FlagsAsync_RefusesAnUnknownClinic_BeforeReadingAnything()
    {
        await using var test = await RetentionCommandData.CreateDatabaseAsync();

        var error = await Assert.ThrowsAsync<UserInputException>(() =>
            Analysis(test.Database).FlagsAsync(asOf: null, clinicId: "C1"));

        Assert.Equal("Unknown clinic 'C1': known clinics: c1, c2, c3.", error.Message);
    }

    private static RetentionAnalysis Analysis(AnalyticsDatabase database, TimeProvider? clock = null) =>
        new(database, Options.Create(new RetentionOptions()), clock ?? TimeProvider.System);
}
