using System.Globalization;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>
/// A deterministic multi-clinic history: the clinics and their providers up front (a few rows), then the
/// patients clinic by clinic, each generated on demand from its own sub-seed, so a history of any size
/// streams with memory that holds one patient at a time.
/// </summary>
internal sealed class ClinicHistoryGenerator
{
    private readonly SeedSettings _settings;
    private readonly SyntheticPracticeProfile _profile;

    public ClinicHistoryGenerator(SeedSettings settings, SyntheticPracticeProfile? profile = null)
    {
        settings.Validate();
        _settings = settings;
        _profile = profile ?? SyntheticPracticeProfile.Default;
        Clinics = CreateClinics();
    }

    public IReadOnlyList<SyntheticClinic> Clinics { get; }

    public int PatientCount => _settings.Patients;

    public IEnumerable<SyntheticPatient> PatientsOf(SyntheticClinic clinic)
    {
        for (var patientNumber = 1; patientNumber <= clinic.PatientCount; patientNumber++)
        {
            yield return new PatientSimulation(clinic, patientNumber, _settings, _profile).Run();
        }
    }

    private List<SyntheticClinic> CreateClinics()
    {
        var clinicRandoms = Enumerable.Range(1, _settings.Clinics)
            .Select(number => new Random(SubSeed.ForClinic(_settings.Seed, number)))
            .ToList();
        // Clinics differ in size: a relative weight per clinic, then every patient handed out.
        var weights = clinicRandoms.Select(random => random.Between(0.6, 1.4)).ToList();
        var patientCounts = SplitByWeight(_settings.Patients, weights);

        var clinics = new List<SyntheticClinic>(_settings.Clinics);
        for (var index = 0; index < _settings.Clinics; index++)
        {
            if (patientCounts[index] > 999_999)
            {
                throw new UserInputException(
                    $"--patients {_settings.Patients} puts {patientCounts[index]:N0} patients into one clinic; patient ids allow 999,999 per clinic. Use more --clinics or fewer --patients.");
            }

            clinics.Add(CreateClinic(index + 1, clinicRandoms[index], patientCounts[index]));
        }

        foreach (var clinic in clinics)
        {
            clinic.SisterClinics = clinics
                .Where(other => other != clinic && other.Row.TimeZone == clinic.Row.TimeZone)
                .ToList();
        }

        return clinics;
    }

    private static SyntheticClinic CreateClinic(int number, Random random, int patientCount)
    {
        var cities = SyntheticReferenceData.Cities;
        var neighbourhoods = SyntheticReferenceData.Neighbourhoods;
        var city = cities[(number - 1) % cities.Length];
        var round = (number - 1) / cities.Length;
        var name = $"{city.Name} {neighbourhoods[round % neighbourhoods.Length]}";
        if (round >= neighbourhoods.Length)
        {
            name += string.Create(CultureInfo.InvariantCulture, $" {(round / neighbourhoods.Length) + 1}");
        }

        var id = SyntheticIds.Clinic(number);
        var timeZone = FindTimeZone(city.TimeZone);
        return new SyntheticClinic
        {
            Number = number,
            Row = new ClinicRow(id, name, city.TimeZone),
            TimeZone = timeZone,
            AreaCode = city.AreaCode,
            OpensAtHour = random.Between(7, 8),
            ClosesAtHour = random.Between(18, 20),
            OpensSaturdays = random.Chance(0.5),
            PhysicalTherapists = CreateProviders(random, id, ContractValues.PhysicalTherapyDiscipline, random.Between(3, 5)),
            MassageTherapists = CreateProviders(random, id, ContractValues.MassageTherapyDiscipline, random.Between(2, 4)),
            PatientCount = patientCount,
        };
    }

    private static List<ProviderRow> CreateProviders(Random random, string clinicId, string discipline, int count)
    {
        return Enumerable.Range(1, count)
            .Select(number => new ProviderRow(
                SyntheticIds.Provider(clinicId, discipline, number),
                clinicId,
                $"{random.OneOf(SyntheticReferenceData.FirstNames)} {random.OneOf(SyntheticReferenceData.LastNames)}",
                discipline))
            .ToList();
    }

    private static TimeZoneInfo FindTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException exception)
        {
            throw new UserInputException(
                $"This machine has no time zone data for {id}; install the tzdata package (or ICU time zone data) and try again.",
                exception);
        }
    }

    /// <summary>Largest-remainder apportionment: counts proportional to the weights that add up to <paramref name="total"/> exactly.</summary>
    private static int[] SplitByWeight(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var shares = weights.Select(weight => total * weight / sum).ToArray();
        var counts = shares.Select(share => (int)Math.Floor(share)).ToArray();
        var remaining = total - counts.Sum();
        foreach (var index in Enumerable.Range(0, shares.Length)
                     .OrderByDescending(index => shares[index] - counts[index])
                     .ThenBy(index => index)
                     .Take(remaining))
        {
            counts[index]++;
        }

        return counts;
    }
}
