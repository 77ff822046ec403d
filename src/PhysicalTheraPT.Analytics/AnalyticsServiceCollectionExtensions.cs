using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;

namespace PhysicalTheraPT.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>Registers the whole service: options from configuration, the database, every feature.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection("Database"));
        services.AddSingleton(provider => DatabaseSelection.Resolve(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value));

        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection("Scheduling"));
        services.AddSingleton<ClinicCalendar>();
        services.AddSingleton<ScheduledClinicReader>();
        services.AddSingleton<JobPlanner>();
        services.AddSingleton<JobRunStore>();
        services.AddSingleton<PatientFlagStore>();
        services.AddSingleton<ClinicJobRunner>();
        services.AddSingleton<IClinicFlagSource, UnavailableFlagSource>();
        services.AddSingleton<IClinicJob, RefreshFlagsJob>();
        services.AddSingleton<IClinicJob, OutreachListsJob>();
        services.AddSingleton<IClinicJob, RetentionReportJob>();

        return services;
    }
}
