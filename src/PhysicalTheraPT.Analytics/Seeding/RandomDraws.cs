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
