namespace PhysicalTheraPT.Analytics.Seeding;

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
