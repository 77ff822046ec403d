using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Benchmarks;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Demo;
using PhysicalTheraPT.Analytics.FrontDesk;
using PhysicalTheraPT.Analytics.Import;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Reports.Snapshots;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Seeding;
using PhysicalTheraPT.Analytics.Sources;
using PhysicalTheraPT.Analytics.Sources.OpenEmr;

namespace PhysicalTheraPT.Analytics;

internal static class AnalyticsServiceCollectionExtensions
{
    /// <summary>Registers the whole service: options from configuration, the database, every feature.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);

        // Data: the configured database.
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection("Database"));
        services.AddSingleton(provider => DatabaseSelection.Resolve(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value));

        // Import and synthetic data.
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection("Import"));
        services.AddSingleton<ClinicDataImporter>();
        services.AddSingleton<ClinicHistorySeeder>();

        // Sources: where clinic data is pulled from every night; a kind of source registers its ISourceKind here.
        services.AddOptions<SourcesOptions>()
            .Configure(options => configuration.GetSection(SourcesOptions.SectionName).Bind(options.Sources))
            .Validate(options =>
            {
                options.Validate();
                return true;
            });
        services.AddSingleton<ISourceKind, DatabaseSourceKind>();
        services.AddSingleton<ISourceKind>(provider => new FolderSourceKind(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ISourceKind, OpenEmrSourceKind>();
        services.AddSingleton<SourceSyncStore>();
        services.AddSingleton<SourceSync>();

        // Retention: the rules' settings and the one pass over every history.
        services.AddOptions<RetentionOptions>()
            .Configure(options => RetentionOptionsBinding.Bind(options, configuration.GetSection(RetentionOptions.SectionName)))
            .Validate(options =>
            {
                RetentionOptionsBinding.Validate(options);
                return true;
            });
        services.AddSingleton<RetentionAnalysis>();

        // Reports.
        services.AddOptions<ReportsOptions>().Bind(configuration.GetSection("Reports"));
        services.AddSingleton(provider => new MonthlyWorkbookWriter(provider.GetRequiredService<IOptions<ReportsOptions>>().Value));
        services.AddSingleton<MonthlyReportService>();
        services.AddSingleton<ReportSnapshots>();

        // Outreach: lists, the queue, worked lists read back.
        services.AddOptions<OutreachOptions>()
            .Bind(configuration.GetSection(OutreachOptions.SectionName))
            .Validate(options =>
            {
                options.Validate();
                return true;
            });
        services.AddSingleton<ListSigningKeyStore>();
        services.AddSingleton<OutreachListWriter>();
        services.AddSingleton<OutreachListService>();
        services.AddSingleton<OutreachQueue>();
        services.AddSingleton<OutreachListImporter>();
        services.AddSingleton<InboxHistory>();
        services.AddSingleton<OutreachInbox>();
        services.AddSingleton<OutreachNumbers>();
        services.AddSingleton<FrontDeskOutcomes>();
        services.AddSingleton<FrontDeskReader>();
        services.AddSingleton<DemoSignIn>();

        // Jobs: plain classes the Hangfire wiring runs, one per clinic.
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection("Scheduling"));
        services.AddSingleton<ClinicCalendar>();
        services.AddSingleton<JobPlanner>();
        services.AddSingleton<JobRunStore>();
        services.AddSingleton<LastSuccessReader>();
        services.AddSingleton<PatientFlagStore>();
        services.AddSingleton<FlagRefreshStateStore>();
        services.AddSingleton<ClinicJobRunner>();
        services.AddSingleton<IClinicFlagSource, RetentionFlagSource>();
        services.AddSingleton<EngineReportSources>();
        services.AddSingleton<IOutreachListSource>(provider => provider.GetRequiredService<EngineReportSources>());
        services.AddSingleton<IMonthlyReportSource>(provider => provider.GetRequiredService<EngineReportSources>());
        services.AddSingleton<RefreshFlagsJob>();
        services.AddSingleton<IClinicJob>(provider => provider.GetRequiredService<RefreshFlagsJob>());
        services.AddSingleton<IClinicJob, OutreachListsJob>();
        services.AddSingleton<IClinicJob, RetentionReportJob>();
        services.AddSingleton<IClinicJob, SyncJob>();
        services.AddSingleton<IClinicJob, OutreachInboxJob>();

        // The demo's steps, in the order they run: a feature that joins the demo adds its step here.
        services.AddTransient<IDemoStep, PrepareDatabaseStep>();
        services.AddTransient<IDemoStep, SeedHistoryStep>();
        services.AddTransient<IDemoStep, PlayFrontDeskWeeksStep>();
        services.AddTransient<IDemoStep, CountRowsStep>();
        services.AddTransient<IDemoStep, FlagPatientsStep>();
        services.AddTransient<IDemoStep, RunScheduledJobsStep>();
        services.AddTransient<DemoRun>();

        // The benchmark.
        services.AddSingleton<BenchDataPreparer>();
        services.AddSingleton<BenchStageRunner>();

        return services;
    }
}
