namespace PhysicalTheraPT.Analytics.Seeding;

/// <summary>The few kinds of draw the generator makes, named for what they mean.</summary>
internal static class RandomDraws
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public static int Between(this Random random, int min, int max) => random.Next(min, max + 1);

    public static double Between(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    public static T OneOf<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Days until an event that happens with the given yearly probability (exponential waiting time).</summary>
    public static int DaysUntilEvent(this Random random, double probabilityPerYear)
    {
        var ratePerDay = -Math.Log(1 - probabilityPerYear) / 365.0;
        var days = -Math.Log(1 - random.NextDouble()) / ratePerDay;
        return days >= int.MaxValue / 2 ? int.MaxValue / 2 : (int)days;
    }
}

/// <summary>
/// Derives an independent seed for each clinic and each patient from the run's seed, so a patient's history
/// depends only on (seed, clinic, patient number): the generator can stream patient by patient, and adding
/// patients does not reshuffle the ones before them.
/// </summary>
internal static class SubSeed
{
    public static int ForClinic(int seed, int clinicNumber) => Mix(seed, clinicNumber, 0);

    public static int ForPatient(int seed, int clinicNumber, int patientNumber) => Mix(seed, clinicNumber, patientNumber);

    // SplitMix64's finaliser: a fixed, well-spread function of its input, identical on every runtime (unlike
    // string.GetHashCode or HashCode.Combine, which are randomised per process).
    private static int Mix(int seed, int clinicNumber, int patientNumber)
    {
        var state = ((ulong)(uint)seed << 32) ^ ((ulong)(uint)clinicNumber << 20) ^ (uint)patientNumber;
        state += 0x9E3779B97F4A7C15UL;
        state = (state ^ (state >> 30)) * 0xBF58476D1CE4E5B9UL;
        state = (state ^ (state >> 27)) * 0x94D049BB133111EBUL;
        state ^= state >> 31;
        return (int)(state & int.MaxValue);
    }
}

/// <summary>Picks one of a few items with given relative weights (they need not add up to 1).</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulativeWeights;

    public WeightedChoice(params (T Item, double Weight)[] choices)
    {
        if (choices.Length == 0 || choices.Any(choice => choice.Weight < 0) || choices.Sum(choice => choice.Weight) <= 0)
        {
            throw new ArgumentException("Give at least one choice, with weights that are not negative and not all zero.", nameof(choices));
        }

        _items = choices.Select(choice => choice.Item).ToArray();
        _cumulativeWeights = new double[choices.Length];
        var total = 0.0;
        for (var index = 0; index < choices.Length; index++)
        {
            total += choices[index].Weight;
            _cumulativeWeights[index] = total;
        }
    }

    public T Pick(Random random)
    {
        var point = random.NextDouble() * _cumulativeWeights[^1];
        for (var index = 0; index < _cumulativeWeights.Length - 1; index++)
        {
            if (point < _cumulativeWeights[index])
            {
                return _items[index];
            }
        }

        return _items[^1];
    }
}
