namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Every definition of docs/definitions.md as data, with the settings in use, so a report can print
/// exactly what it counted.
/// </summary>
public static class RetentionDefinitions
{
    public static IReadOnlyList<RetentionDefinition> For(RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [];
    }
}
