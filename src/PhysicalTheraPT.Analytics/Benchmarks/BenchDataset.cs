using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Seeding;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>
/// The deterministic history a benchmark of about <see cref="Appointments"/> appointments runs on: a fixed
/// seed and a fixed "today", so every machine and every run measures the same rows.
/// </summary>
internal sealed record BenchDataset(long Appointments)
{
    /// <summary>The seeder gives about this many appointments per patient over <see cref="Months"/> months.</summary>
    private const int AppointmentsPerPatient = 21;

    /// <summary>The import stage never reads more than this many appointments (the target's 1M-row file).</summary>
    private const long MaxImportAppointments = 1_000_000;

    // The clinic group of the targets (50 clinics) from 1M appointments up; smaller runs get fewer
    // clinics so each still has a few thousand patients, as a real clinic does.
    private const long AppointmentsPerClinicBelowGroupSize = 20_000;
    private const int GroupClinics = 50;

    private const int Seed = 42;
    private const int Months = 36;

    /// <summary>The history's "today": fixed, never the clock, so the data and the flags are reproducible.</summary>
    public static DateOnly Until { get; } = new(2026, 3, 31);

    /// <summary>The month the metrics and the workbook report: the last whole month before <see cref="Until"/>.</summary>
    public static CalendarMonth ReportMonth => CalendarMonth.Of(Until).AddMonths(-1);

    public SeedSettings History => SettingsFor(Appointments);

    /// <summary>The appointments the import stage reads: min(N, 1,000,000).</summary>
    public long ImportAppointments => Math.Min(Appointments, MaxImportAppointments);

    public SeedSettings ImportHistory => SettingsFor(ImportAppointments);

    public static SeedSettings SettingsFor(long appointments)
    {
        if (appointments is < 1_000 or > 100_000_000)
        {
            throw new UserInputException($"--appointments {appointments} is out of range: use 1000 to 100000000.");
        }

        var clinics = appointments >= MaxImportAppointments
            ? GroupClinics
            : (int)Math.Clamp(appointments / AppointmentsPerClinicBelowGroupSize, 1, GroupClinics);
        return new SeedSettings
        {
            Clinics = clinics,
            Patients = (int)Math.Max(clinics, appointments / AppointmentsPerPatient),
            Months = Months,
            Seed = Seed,
            Until = Until,
        };
    }
}
