using System.Globalization;

namespace PhysicalTheraPT.Analytics.Sources;

/// <summary>
/// The <c>Sources</c> section: a list of the places clinic data is pulled from every night (empty by
/// default: then data arrives only by <c>ptanalytics import</c>). Checked at start, so a typo in a kind or
/// a name stops every command with the entry's position instead of failing at 01:30.
/// </summary>
internal sealed class SourcesOptions
{
    public const string SectionName = "Sources";

    public List<SourceOptions> Sources { get; set; } = [];

    /// <summary>The source named <paramref name="name"/> (ignoring case), or every source when null.</summary>
    public IReadOnlyList<(int Index, SourceOptions Source)> Select(string? name)
    {
        var all = Sources.Select((source, index) => (index, source)).ToList();
        if (name is null)
        {
            return all;
        }

        var match = all.Where(entry => entry.source.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
        return match.Count > 0
            ? match
            : throw new UserInputException(Sources.Count == 0
                ? $"There is no source named '{name}': no Sources are configured. See docs/sources.md."
                : $"There is no source named '{name}'. The sources are: {string.Join(", ", Sources.Select(source => source.Name))}.");
    }

    public void Validate()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < Sources.Count; index++)
        {
            var source = Sources[index];
            var at = string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{index}");
            if (string.IsNullOrWhiteSpace(source.Name) || !source.Name.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_'))
            {
                throw new UserInputException($"{at}:Name must be set to a name of letters, digits, '-' and '_' (it names the source in runs and in `sync --source NAME`).");
            }

            if (!names.Add(source.Name))
            {
                throw new UserInputException($"{at}:Name '{source.Name}' is used by another source too; give each source its own name.");
            }

            if (!SourceKinds.All.Contains(source.Kind, StringComparer.OrdinalIgnoreCase))
            {
                throw new UserInputException($"{at}:Kind is '{source.Kind}'; it must be one of {string.Join(", ", SourceKinds.All)}.");
            }

            if (source.MaxRemovedFraction is < 0 or > 1 || double.IsNaN(source.MaxRemovedFraction))
            {
                throw new UserInputException($"{at}:MaxRemovedFraction is {source.MaxRemovedFraction.ToString(CultureInfo.InvariantCulture)}; it must be between 0 and 1 (default 0.10).");
            }
        }
    }
}

/// <summary>The kinds of source (<see cref="SourceOptions.Kind"/>).</summary>
internal static class SourceKinds
{
    /// <summary>A practice database read through one query per contract table.</summary>
    public const string Database = "database";

    /// <summary>OpenEMR's own tables (MySQL/MariaDB): a preset of <see cref="Database"/>.</summary>
    public const string OpenEmr = "openemr";

    /// <summary>A drop folder an EMR's scheduled export lands in.</summary>
    public const string Folder = "folder";

    public static IReadOnlyList<string> All { get; } = [Database, OpenEmr, Folder];
}
