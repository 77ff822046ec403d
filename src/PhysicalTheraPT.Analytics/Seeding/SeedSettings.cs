using System.Globalization;

namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// What to generate: how many clinics, patients and months, from which random seed, up to which day.
/// The same settings always give the same history, row for row.
/// </summary>
internal sealed record SeedSettings
{
    /// <summary>Clinics in the group (ids C01, C02, ...). Default 3.</summary>
    public int Clinics { get; init; } = 3;

    /// <summary>Patients across all clinics; the main size knob (about 20 appointments each over 36 months). Default 2,000.</summary>
    public int Patients { get; init; } = 2000;

    /// <summary>Length of the history before <see cref="Until"/>: patients arrive over these months. Default 24.</summary>
    public int Months { get; init; } = 24;

    /// <summary>The random seed; every clinic and patient draws from its own sub-seed of it. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>"Today" for the history: visits before it happened, appointments on or after it are bookings.</summary>
    public required DateOnly Until { get; init; }

    /// <summary>The first day patients can arrive: <see cref="Until"/> minus <see cref="Months"/>.</summary>
    public DateOnly HistoryStart => Until.AddMonths(-Months);

    /// <summary>Throws a <see cref="UserInputException"/> naming the option that is out of range.</summary>
    public void Validate()
    {
        if (Clinics is < 1 or > 999)
        {
            throw new UserInputException($"--clinics {Clinics} is out of range: use 1 to 999.");
        }

        // The generator also checks that no clinic gets more than 999,999 patients (six-digit ids).
        if (Patients < 1)
        {
            throw new UserInputException($"--patients {Patients} is out of range: use 1 or more.");
        }

        if (Months is < 1 or > 240)
        {
            throw new UserInputException($"--months {Months} is out of range: use 1 to 240.");
        }

        if (Until.Year is < 1950 or > 2200)
        {
            throw new UserInputException(
                $"--until {Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is out of range: use a date between 1950 and 2200.");
        }
    }
}
