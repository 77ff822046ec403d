namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// Maps the service names found in appointments.csv to the three services of the contract: the contract
/// names themselves, plus each EMR name configured in <c>Import:ServiceNames</c>; matched ignoring case
/// and surrounding spaces.
/// </summary>
internal sealed class ServiceNameMap
{
    public static readonly IReadOnlyList<string> ContractServices = ["pt", "recovery_massage", "maintenance_massage"];

    private readonly Dictionary<string, string> _services = new(StringComparer.OrdinalIgnoreCase);

    public ServiceNameMap(IReadOnlyDictionary<string, string> configuredNames)
    {
        foreach (var service in ContractServices)
        {
            _services[service] = service;
        }

        foreach (var (emrName, configuredService) in configuredNames)
        {
            var name = emrName.Trim();
            var service = ContractServices.FirstOrDefault(candidate => candidate.Equals(configuredService?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new UserInputException(
                    $"Import:ServiceNames maps '{name}' to '{configuredService}', which is not one of {string.Join(", ", ContractServices)}. " +
                    "Fix the mapping in the configuration (appsettings.json, ptanalytics.json or PTA_Import__ServiceNames__...).");
            if (_services.TryGetValue(name, out var existing) && existing != service)
            {
                throw new UserInputException(
                    $"Import:ServiceNames maps '{name}' to {service}, but it already means {existing} " +
                    "(names are matched ignoring case, and the contract names always mean themselves). Remove one of them.");
            }

            _services[name] = service;
        }
    }

    /// <summary>The contract service for an EMR service name, or null when it has no mapping.</summary>
    public string? Find(string serviceName) => _services.GetValueOrDefault(serviceName.Trim());
}
