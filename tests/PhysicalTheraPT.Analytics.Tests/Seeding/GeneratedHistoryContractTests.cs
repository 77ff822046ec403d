using System.Text.RegularExpressions;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Tests.Seeding;

/// <summary>The generated history is data a clinic's EMR could have exported: it satisfies the import contract.</summary>
public sealed class GeneratedHistoryContractTests
{
    private static readonly string[] Services = ["pt", "recovery_massage", "maintenance_massage"];
    private static readonly string[] Statuses = ["booked", "completed", "cancelled", "no_show"];
    private static readonly string[] DischargeReasons = ["goals_met", "self_discharged", "referred_out", "other"];
    private static readonly string[] Channels = ["phone", "sms", "email"];

    private readonly GeneratedHistory _history = GeneratedHistory.Default;

    [Fact]
    public void Generate_UsesOnlyContractValues_ForEveryEnumeratedColumn()
    {
        Assert.All(_history.Appointments, appointment =>
        {
            Assert.Contains(appointment.Service, Services);
            Assert.Contains(appointment.Status, Statuses);
        });
        Assert.All(_history.Episodes, episode => Assert.True(episode.DischargeReason is null || DischargeReasons.Contains(episode.DischargeReason), episode.EpisodeId));
        Assert.All(_history.Patients, patient => Assert.True(patient.PreferredChannel is null || Channels.Contains(patient.PreferredChannel), patient.PatientId));
        Assert.All(_history.Providers, provider => Assert.Contains(provider.Discipline, new[] { "physical_therapy", "massage_therapy" }));
        Assert.All(_history.Episodes, episode => Assert.True(episode.MaintenanceIntervalDays is null or > 0, episode.EpisodeId));
    }

    [Fact]
    public void Generate_GivesEveryRowAUniqueId()
    {
        Assert.Equal(_history.Clinics.Count, _history.Clinics.Select(clinic => clinic.Id).Distinct().Count());
        Assert.Equal(_history.Providers.Count(), _history.Providers.Select(provider => provider.ProviderId).Distinct().Count());
        Assert.Equal(_history.Patients.Count, _history.Patients.Select(patient => patient.PatientId).Distinct().Count());
        Assert.Equal(_history.Episodes.Count, _history.Episodes.Select(episode => episode.EpisodeId).Distinct().Count());
        Assert.Equal(_history.Appointments.Count, _history.Appointments.Select(appointment => appointment.AppointmentId).Distinct().Count());
    }

    [Fact]
    public void Generate_KeepsReferencesConsistent_AcrossTables()
    {
        var clinics = _history.Clinics.Select(clinic => clinic.Id).ToHashSet();
        var providers = _history.Providers.ToDictionary(provider => provider.ProviderId);
        var patients = _history.Patients.ToDictionary(patient => patient.PatientId);
        var episodes = _history.Episodes.ToDictionary(episode => episode.EpisodeId);

        Assert.All(_history.Providers, provider => Assert.Contains(provider.ClinicId, clinics));
        Assert.All(_history.Patients, patient => Assert.Contains(patient.ClinicId, clinics));
        Assert.All(_history.Episodes, episode =>
        {
            Assert.True(patients.ContainsKey(episode.PatientId), episode.EpisodeId);
            Assert.Equal(patients[episode.PatientId].ClinicId, episode.ClinicId);
        });
        Assert.All(_history.Appointments, appointment =>
        {
            Assert.True(patients.ContainsKey(appointment.PatientId), appointment.AppointmentId);
            Assert.Contains(appointment.ClinicId, clinics);
            Assert.True(providers.TryGetValue(appointment.ProviderId!, out var provider), appointment.AppointmentId);
            Assert.Equal(appointment.ClinicId, provider.ClinicId);
            if (appointment.EpisodeId is not null)
            {
                Assert.Equal(appointment.PatientId, episodes[appointment.EpisodeId].PatientId);
                Assert.NotEqual("maintenance_massage", appointment.Service);
            }
        });
    }

    [Fact]
    public void Generate_BooksEachServiceWithAProviderOfTheRightDiscipline()
    {
        var disciplines = _history.Providers.ToDictionary(provider => provider.ProviderId, provider => provider.Discipline);

        Assert.All(_history.Appointments, appointment =>
            Assert.Equal(appointment.Service == "pt" ? "physical_therapy" : "massage_therapy", disciplines[appointment.ProviderId!]));
    }

    [Fact]
    public void Generate_PlacesAppointmentsInOpeningHours()
    {
        var clinics = _history.Clinics.ToDictionary(clinic => clinic.Id);

        Assert.All(_history.Appointments, appointment =>
        {
            var clinic = clinics[appointment.ClinicId];
            var startsAt = appointment.StartsAt;
            Assert.NotEqual(DayOfWeek.Sunday, startsAt.DayOfWeek);
            Assert.True(clinic.OpensSaturdays || startsAt.DayOfWeek != DayOfWeek.Saturday, appointment.AppointmentId);
            var closes = startsAt.DayOfWeek == DayOfWeek.Saturday ? 13 : clinic.ClosesAtHour;
            var opens = startsAt.DayOfWeek == DayOfWeek.Saturday ? 8 : clinic.OpensAtHour;
            Assert.InRange(startsAt.TimeOfDay, TimeSpan.FromHours(opens), TimeSpan.FromHours(closes - 1));
            Assert.Equal(0, startsAt.Minute % 30);
        });
    }

    [Fact]
    public void Generate_MakesEverythingFromTodayOnABookingMadeBeforeToday()
    {
        var clinics = _history.Clinics.ToDictionary(clinic => clinic.Id);
        var todayStarts = GeneratedHistory.Until.ToDateTime(TimeOnly.MinValue);
        var future = _history.Appointments.Where(appointment => !_history.IsPast(appointment)).ToList();

        Assert.NotEmpty(future);
        Assert.All(future, appointment =>
        {
            Assert.Equal("booked", appointment.Status);
            Assert.True(
                appointment.BookedAt is null || TimeZoneInfo.ConvertTimeFromUtc(appointment.BookedAt.Value, clinics[appointment.ClinicId].TimeZone) < todayStarts,
                appointment.AppointmentId);
        });
    }

    [Fact]
    public void Generate_SetsBookedAtInUtcBeforeTheAppointment()
    {
        var clinics = _history.Clinics.ToDictionary(clinic => clinic.Id);
        var booked = _history.Appointments.Where(appointment => appointment.BookedAt is not null).ToList();

        Assert.InRange(booked.Count, _history.Appointments.Count * 0.8, _history.Appointments.Count * 0.95);
        Assert.All(booked, appointment =>
        {
            Assert.Equal(DateTimeKind.Utc, appointment.BookedAt!.Value.Kind);
            var startsAtUtc = TimeZoneInfo.ConvertTimeToUtc(appointment.StartsAt, clinics[appointment.ClinicId].TimeZone);
            Assert.True(appointment.BookedAt < startsAtUtc, appointment.AppointmentId);
        });
    }

    [Fact]
    public void Generate_RecordsEpisodesThatStartedBeforeTodayAndEndAfterTheyStart()
    {
        Assert.All(_history.Episodes, episode =>
        {
            Assert.True(episode.StartedOn < GeneratedHistory.Until, episode.EpisodeId);
            Assert.True(episode.DischargedOn is null || (episode.DischargedOn >= episode.StartedOn && episode.DischargedOn < GeneratedHistory.Until), episode.EpisodeId);
            Assert.Equal(episode.DischargedOn is null, episode.DischargeReason is null);
            Assert.NotNull(episode.Condition);
            Assert.NotNull(episode.BodyRegion);
            Assert.NotNull(episode.ReferralSource);
        });
    }

    [Fact]
    public void Generate_UsesFictitiousContactDetails()
    {
        Assert.All(_history.Patients, patient =>
        {
            Assert.True(patient.Phone is null || Regex.IsMatch(patient.Phone, @"^\d{3}-555-01\d{2}$"), patient.PatientId);
            Assert.True(patient.Email is null || patient.Email.EndsWith("@example.com", StringComparison.Ordinal), patient.PatientId);
        });
    }

    [Fact]
    public void Generate_PutsClinicsInDifferentIanaTimeZones()
    {
        var zones = _history.Clinics.Select(clinic => clinic.Row.TimeZone).ToList();

        Assert.Equal(zones.Count, zones.Distinct().Count());
        Assert.All(zones, zone => Assert.Equal(zone, TimeZoneInfo.FindSystemTimeZoneById(zone).Id));
    }

    [Fact]
    public void Generate_GivesEveryClinicSeveralProvidersOfEachDiscipline()
    {
        Assert.All(_history.Clinics, clinic =>
        {
            Assert.InRange(clinic.PhysicalTherapists.Count, 2, 6);
            Assert.InRange(clinic.MassageTherapists.Count, 2, 6);
        });
    }

    [Fact]
    public void Generate_NamesRowsWithReadableIds()
    {
        var patient = _history.Patients[0];
        var appointment = _history.Appointments.First(row => row.EpisodeId is not null);

        Assert.Equal("C01", _history.Clinics[0].Id);
        Assert.Matches(@"^C\d{2}-P\d{6}$", patient.PatientId);
        Assert.Matches(@"^C\d{2}-E\d{6}-\d{2}$", appointment.EpisodeId!);
        Assert.Matches(@"^C\d{2}-A\d{6}-\d{4}$", appointment.AppointmentId);
        Assert.Matches(@"^C\d{2}-(PT|MT)\d{2}$", appointment.ProviderId!);
    }

    [Fact]
    public void Generate_HandsOutExactlyThePatientsAskedFor()
    {
        var history = GeneratedHistory.Generate(_history.Settings with { Clinics = 7, Patients = 1001, Months = 6 });

        Assert.Equal(1001, history.Patients.Count);
        Assert.Equal(7, history.Patients.Select(patient => patient.ClinicId).Distinct().Count());
    }

    [Fact]
    public void Generate_SendsSomePatientsToASisterClinicForMaintenance_WhenClinicsShareATimeZone()
    {
        var history = GeneratedHistory.Generate(_history.Settings with { Clinics = 10, Patients = 3000, Months = 12 });
        var patientClinics = history.Patients.ToDictionary(patient => patient.PatientId, patient => patient.ClinicId);
        var zones = history.Clinics.ToDictionary(clinic => clinic.Id, clinic => clinic.Row.TimeZone);

        var elsewhere = history.Appointments.Where(appointment => appointment.ClinicId != patientClinics[appointment.PatientId]).ToList();

        Assert.NotEmpty(elsewhere);
        Assert.All(elsewhere, appointment =>
        {
            Assert.Equal("maintenance_massage", appointment.Service);
            Assert.Equal(zones[patientClinics[appointment.PatientId]], zones[appointment.ClinicId]);
        });
    }
}
