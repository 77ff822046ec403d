using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Jobs;

/// <summary>
/// The service's own services against a test database, with polling intervals and retry delays short
/// enough for tests (no test waits on a clock: they poll until the jobs finish).
/// </summary>
internal static class JobTestServices
{
    public static ServiceProvider Build(TestDatabase database, string outputDirectory, IClinicFlagSource? flags = null, IEnumerable<KeyValuePair<string, string?>>? settings = null, FakeReportSources? reports = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Settings(database, outputDirectory))
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddAnalytics(configuration);
        if (flags is not null)
        {
            services.RemoveAll<IClinicFlagSource>();
            services.AddSingleton(flags);
        }

        if (reports is not null)
        {
            services.RemoveAll<IOutreachListSource>();
            services.RemoveAll<IMonthlyReportSource>();
            services.AddSingleton<IOutreachListSource>(reports);
            services.AddSingleton<IMonthlyReportSource>(reports);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static Dictionary<string, string?> Settings(TestDatabase database, string outputDirectory)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scheduling:OutputDirectory"] = outputDirectory,
            ["Scheduling:WorkerCount"] = "2",
            ["Scheduling:QueuePollInterval"] = "00:00:00.100",
            ["Scheduling:SchedulePollingInterval"] = "00:00:00.100",
            ["Scheduling:RunNowPollInterval"] = "00:00:00.100",
            ["Scheduling:RetryBaseDelay"] = "00:00:00",
            ["Scheduling:ShutdownTimeout"] = "00:00:30",
        };
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            settings["Database:Provider"] = "sqlite";
            settings["Database:Path"] = database.SqlitePath;
        }
        else
        {
            settings["Database:Provider"] = database.Database.Dialect.Name;
            settings["Database:ConnectionString"] = database.Database.ConnectionString;
        }

        return settings;
    }
}
