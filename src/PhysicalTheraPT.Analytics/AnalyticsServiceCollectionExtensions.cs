using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Import;

namespace PhysicalTheraPT.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>Registers the whole service: options from configuration, the database, every feature.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection("Database"));
        services.AddSingleton(provider => DatabaseSelection.Resolve(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value));

        services.AddOptions<ImportOptions>().Bind(configuration.GetSection("Import"));
        services.AddSingleton<ClinicDataImporter>();

        return services;
    }
}
