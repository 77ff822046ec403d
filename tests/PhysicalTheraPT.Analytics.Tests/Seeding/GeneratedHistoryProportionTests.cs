using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Tests.Seeding;

/// <summary>
/// The generated history looks like a real clinic group: the shares the issue asks for fall in their
/// ranges, and every situation the retention rules distinguish occurs.
/// </summary>
public sealed class GeneratedHistoryProportionTests
{
    private static readonly Lazy<GeneratedHistory> LongHistory = new(() =>
        GeneratedHistory.Generate(GeneratedHistory.Default.Settings with { Clinics = 5, Patients = 5000, Months = 36 }));

    private readonly GeneratedHistory _history = GeneratedHistory.Default;

    [Fact]
    public void Generate_CancelsOrMissesTenToFifteenPercent_OfPastAppointments()
    {
        var past = _history.Appointments.Where(_history.IsPast).ToList();

        var missed = past.Count(appointment => appointment.Status is "cancelled" or "no_show");

        Assert.InRange(missed / (double)past.Count, 0.10, 0.15);
        Assert.Contains(past, appointment => appointment.Status == "cancelled");
        Assert.Contains(past, appointment => appointment.Status == "no_show");
    }

    [Fact]
    public void Generate_MarksAboutThreePercent_DoNotContact()
    {
        var share = _history.Patients.Count(patient => patient.DoNotContact) / (double)_history.Patients.Count;

        Assert.InRange(share, 0.015, 0.045);
    }

    [Fact]
    public void Generate_RecordsAFewDeaths_SomeBeforeAnAppointmentTheClinicKept()
    {
        var deceased = _history.Patients.Where(patient => patient.DeceasedOn is not null).ToList();
        var appointmentsAfterDeath = deceased.Count(patient => _history.Appointments.Any(appointment =>
            appointment.PatientId == patient.PatientId && appointment.Status is "completed" or "booked"
            && DateOnly.FromDateTime(appointment.StartsAt) > patient.DeceasedOn));

        Assert.InRange(deceased.Count / (double)_history.Patients.Count, 0.003, 0.02);
        Assert.All(deceased, patient => Assert.True(patient.DeceasedOn < GeneratedHistory.Until));
        Assert.InRange(appointmentsAfterDeath, 1, deceased.Count - 1);
    }

    [Fact]
    public void Generate_WithholdsAChannelForAFewPatients_AndEveryChannelForAHandful()
    {
        var withholding = _history.Patients.Where(patient => !(patient.AllowPhone && patient.AllowSms && patient.AllowEmail)).ToList();

        Assert.InRange(withholding.Count / (double)_history.Patients.Count, 0.02, 0.08);
        Assert.Contains(withholding, patient => !patient.AllowPhone && patient.AllowSms);
        Assert.Contains(withholding, patient => !patient.AllowEmail);
        Assert.Contains(withholding, patient => !patient.AllowPhone && !patient.AllowSms && !patient.AllowEmail);
    }

    [Fact]
    public void Generate_MovesAThirdToAHalfOfDischargedPatientsOnToMaintenance()
    {
        var maintenance = CompletedMaintenanceDates(_history);
        var settled = _history.Episodes
            .Where(episode => episode.DischargedOn is { } discharged && discharged < GeneratedHistory.Until.AddDays(-90))
            .ToList();

        var converted = settled.Count(episode => maintenance[episode.PatientId]
            .Any(date => date >= episode.DischargedOn && date <= episode.DischargedOn!.Value.AddDays(90)));

        Assert.InRange(converted / (double)settled.Count, 1 / 3.0, 1 / 2.0);
    }

    [Fact]
    public void Generate_LeavesSomeAcuteVisitsOutsideEveryRecordedEpisode_SoImplicitEpisodesOccur()
    {
        var episodesByPatient = _history.Episodes.ToLookup(episode => episode.PatientId);
        var withoutEpisodeId = _history.Appointments
            .Where(appointment => _history.IsPast(appointment) && appointment.Service != "maintenance_massage" && appointment.EpisodeId is null)
            .ToList();

        var uncovered = withoutEpisodeId.Count(appointment => !episodesByPatient[appointment.PatientId].Any(episode => Covers(episode, appointment)));

        Assert.InRange(uncovered, 1, withoutEpisodeId.Count - 1);
    }

    [Fact]
    public void Generate_EndsAcutePhasesInEveryWay_IncludingEpisodesLeftOpen()
    {
        var reasons = _history.Episodes.GroupBy(episode => episode.DischargeReason ?? "(open)").ToDictionary(group => group.Key, group => group.Count());

        Assert.Equal(["(open)", "goals_met", "other", "referred_out", "self_discharged"], reasons.Keys.Order(StringComparer.Ordinal));
        Assert.True(reasons["goals_met"] > reasons["self_discharged"]);
    }

    [Fact]
    public void Generate_BooksAcuteAndMaintenanceVisitsAheadOfToday()
    {
        var future = _history.Appointments.Where(appointment => !_history.IsPast(appointment)).ToList();

        Assert.Contains(future, appointment => appointment.Service == "pt");
        Assert.Contains(future, appointment => appointment.Service == "maintenance_massage");
        Assert.All(future, appointment => Assert.True(DateOnly.FromDateTime(appointment.StartsAt) < GeneratedHistory.Until.AddDays(91)));
    }

    [Fact]
    public void Generate_LeavesAFewPastAppointmentsStuckOnBooked()
    {
        var past = _history.Appointments.Where(_history.IsPast).ToList();

        var stale = past.Count(appointment => appointment.Status == "booked");

        Assert.InRange(stale, 1, past.Count / 100);
    }

    [Fact]
    public void Generate_HasPatientsInMaintenanceAndPatientsWhoseMaintenanceLapsed()
    {
        var booked = _history.Appointments
            .Where(appointment => !_history.IsPast(appointment) && appointment.Service == "maintenance_massage")
            .Select(appointment => appointment.PatientId)
            .ToHashSet();
        var lastMaintenance = CompletedMaintenanceDates(_history)
            .Where(group => group.Any())
            .ToDictionary(group => group.Key, group => group.Max());

        var lapsed = lastMaintenance.Count(pair => pair.Value < GeneratedHistory.Until.AddDays(-60) && !booked.Contains(pair.Key));
        var keepingUp = lastMaintenance.Count(pair => pair.Value >= GeneratedHistory.Until.AddDays(-42));

        Assert.True(lapsed > 50, $"{lapsed} lapsed");
        Assert.True(keepingUp > 50, $"{keepingUp} keeping up");
    }

    [Fact]
    public void Generate_GivesSomeEpisodesTheirOwnMaintenanceInterval()
    {
        var custom = _history.Episodes.Count(episode => episode.MaintenanceIntervalDays is not null);

        Assert.InRange(custom / (double)_history.Episodes.Count, 0.05, 0.2);
    }

    [Fact]
    public void Generate_ReinjuresFewerOfThoseWhoKeptUpMaintenance()
    {
        var history = LongHistory.Value;
        var maintenance = CompletedMaintenanceDates(history);
        var episodesByPatient = history.Episodes.ToLookup(episode => episode.PatientId);
        var matured = history.Episodes.Where(episode => episode.DischargedOn is { } discharged && discharged < GeneratedHistory.Until.AddDays(-365)).ToList();

        double ReinjuryRate(bool converted)
        {
            var cohort = matured
                .Where(episode => converted == maintenance[episode.PatientId].Any(date => date >= episode.DischargedOn && date <= episode.DischargedOn!.Value.AddDays(28)))
                .ToList();
            var reinjured = cohort.Count(episode => episodesByPatient[episode.PatientId]
                .Any(later => later.StartedOn > episode.DischargedOn && later.StartedOn <= episode.DischargedOn!.Value.AddDays(365)));
            return reinjured / (double)cohort.Count;
        }

        Assert.True(ReinjuryRate(converted: true) < 0.75 * ReinjuryRate(converted: false));
    }

    [Fact]
    public void Generate_AveragesEighteenToTwentyTwoAppointmentsPerPatient_OverThirtySixMonths()
    {
        var history = LongHistory.Value;

        Assert.InRange(history.Appointments.Count / (double)history.Patients.Count, 18, 22);
    }

    private static ILookup<string, DateOnly> CompletedMaintenanceDates(GeneratedHistory history) => history.Appointments
        .Where(appointment => appointment.Service == "maintenance_massage" && appointment.Status == "completed" && history.IsPast(appointment))
        .ToLookup(appointment => appointment.PatientId, appointment => DateOnly.FromDateTime(appointment.StartsAt));

    private static bool Covers(EpisodeRow episode, AppointmentRow appointment)
    {
        var date = DateOnly.FromDateTime(appointment.StartsAt);
        return episode.StartedOn <= date && (episode.DischargedOn is null || episode.DischargedOn >= date);
    }
}
