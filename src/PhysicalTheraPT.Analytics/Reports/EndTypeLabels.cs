using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// How the acute phase ended, in words: the data contract's end types (goals_met, self_discharged,
/// referred_out, other, unrecorded) and, for anything else, the raw value so nothing is hidden.
/// </summary>
internal static class EndTypeLabels
{
    /// <summary>The order end types are listed and stacked in: <see cref="AcuteEndTypeNames.DisplayOrder"/>.</summary>
    public static IReadOnlyList<string> KnownOrder { get; } = [.. AcuteEndTypeNames.DisplayOrder.Select(endType => endType.ToContractName())];

    public static string Label(string? endType) => endType switch
    {
        null or "" => "",
        "goals_met" => "Goals met",
        "self_discharged" => "Self-discharged",
        "referred_out" => "Referred out",
        "other" => "Other",
        "unrecorded" => "Unrecorded",
        _ => endType,
    };

    /// <summary>Known end types in <see cref="KnownOrder"/>, then any others alphabetically.</summary>
    public static IReadOnlyList<string> InDisplayOrder(IEnumerable<string> endTypes)
    {
        var distinct = endTypes.Distinct(StringComparer.Ordinal).ToList();
        return [.. KnownOrder.Where(distinct.Contains), .. distinct.Where(type => !KnownOrder.Contains(type)).Order(StringComparer.Ordinal)];
    }
}
