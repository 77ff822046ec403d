using System.Data.Common;
using System.Globalization;
using Dapper;

namespace PhysicalTheraPT.Analytics.Sources.OpenEmr;

/// <summary>
/// The clinic's own lists, read before any patient row: its appointment categories (which ones are
/// physical therapy or massage, by <c>ServiceCategories</c>) and its appointment statuses (list
/// 'apptstat', checked against <see cref="OpenEmrStatuses"/>). A setting that names a category OpenEMR
/// does not have, or a status code nobody mapped, fails the sync here, before anything is read or written.
/// </summary>
internal sealed class OpenEmrCatalog
{
    public static readonly IReadOnlyList<string> Services = ["pt", "recovery_massage", "maintenance_massage"];

    private readonly Dictionary<long, string> _services;

    private OpenEmrCatalog(Dictionary<long, string> services, OpenEmrStatuses statuses)
    {
        _services = services;
        Statuses = statuses;
    }

    /// <summary>The mapped categories' ids (<c>pc_catid</c>): only their appointments are read.</summary>
    public IReadOnlyList<long> CategoryIds => [.. _services.Keys];

    public OpenEmrStatuses Statuses { get; }

    public string ServiceOf(long categoryId) => _services[categoryId];

    /// <summary>The contract's service for a configured value, or a message naming the setting.</summary>
    public static string Service(string value, string setting) =>
        Services.FirstOrDefault(service => service.Equals(value?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new UserInputException($"{setting} is '{value}'; it must be one of {string.Join(", ", Services)}.");

    /// <param name="serviceCategories">Category name (or <c>pc_catid</c>) → service, as configured.</param>
    /// <param name="setting">Where <paramref name="serviceCategories"/> lives, e.g. <c>Sources:0:ServiceCategories</c>.</param>
    public static async Task<OpenEmrCatalog> LoadAsync(
        DbConnection connection, IReadOnlyDictionary<string, string> serviceCategories, string setting, OpenEmrStatuses statuses, CancellationToken cancellationToken)
    {
        var categories = (await connection.QueryAsync<CategoryRow>(new CommandDefinition(
            "SELECT pc_catid AS Id, pc_catname AS Name, pc_cattype AS Type FROM openemr_postcalendar_categories", cancellationToken: cancellationToken))).ToList();
        var services = new Dictionary<long, string>();
        foreach (var (key, value) in serviceCategories)
        {
            var service = Service(value, $"{setting}:{key}");
            var matches = categories.Where(category => Matches(category, key.Trim())).ToList();
            if (matches.Count == 0)
            {
                var names = categories.Where(category => category.Type == 0).Select(category => $"'{category.Name}'").Order(StringComparer.Ordinal);
                throw new UserInputException(
                    $"{setting} names '{key}', which is not an appointment category in this OpenEMR. Its patient categories are: "
                    + $"{string.Join(", ", names)}. Use the name as OpenEMR shows it (or its pc_catid).");
            }

            foreach (var category in matches)
            {
                services[category.Id] = service;
            }
        }

        var listed = await connection.QueryAsync<StatusOption>(new CommandDefinition(
            "SELECT option_id AS Code, title AS Title FROM list_options WHERE list_id = 'apptstat' AND activity = 1", cancellationToken: cancellationToken));
        statuses.CheckList(listed.Select(option => (option.Code, option.Title)));
        return new OpenEmrCatalog(services, statuses);
    }

    private static bool Matches(CategoryRow category, string key) =>
        long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? category.Id == id
            : string.Equals(category.Name?.Trim(), key, StringComparison.OrdinalIgnoreCase);

    private sealed class CategoryRow
    {
        public long Id { get; init; }

        public string? Name { get; init; }

        public int Type { get; init; }
    }

    private sealed class StatusOption
    {
        public string Code { get; init; } = "";

        public string Title { get; init; } = "";
    }
}
