using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Seeding;

namespace PhysicalTheraPT.Analytics.Tests.Seeding;

/// <summary>A whole generated history in memory, for tests that look at it from every side (small sizes only).</summary>
internal sealed class GeneratedHistory
{
    /// <summary>A fixed "today", so every test sees the same history whatever day it runs.</summary>
    public static readonly DateOnly Until = new(2026, 3, 15);

    private static readonly Lazy<GeneratedHistory> DefaultHistory = new(() => Generate(new SeedSettings { Until = Until }));

    public required SeedSettings Settings { get; init; }

    public required IReadOnlyList<SyntheticClinic> Clinics { get; init; }

    public required List<PatientRow> Patients { get; init; }

    public required List<EpisodeRow> Episodes { get; init; }

    public required List<AppointmentRow> Appointments { get; init; }

    public IEnumerable<ProviderRow> Providers => Clinics.SelectMany(clinic => clinic.Providers);

    /// <summary>The default shape (3 clinics, 2,000 patients, 24 months, seed 42) up to <see cref="Until"/>, generated once.</summary>
    public static GeneratedHistory Default => DefaultHistory.Value;

    public static GeneratedHistory Generate(SeedSettings settings)
    {
        var generator = new ClinicHistoryGenerator(settings);
        var patients = new List<PatientRow>();
        var episodes = new List<EpisodeRow>();
        var appointments = new List<AppointmentRow>();
        foreach (var patient in generator.Clinics.SelectMany(generator.PatientsOf))
        {
            patients.Add(patient.Patient);
            episodes.AddRange(patient.Episodes);
            appointments.AddRange(patient.Appointments);
        }

        return new GeneratedHistory { Settings = settings, Clinics = generator.Clinics, Patients = patients, Episodes = episodes, Appointments = appointments };
    }

    public bool IsPast(AppointmentRow appointment) => DateOnly.FromDateTime(appointment.StartsAt) < Settings.Until;
}
