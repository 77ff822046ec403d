using System.Globalization;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Seeding;

namespace PhysicalTheraPT.Analytics.Demo;

/// <summary>
/// One step of <c>ptanalytics demo</c>. A feature joins the demo by adding a step class and registering it
/// in <see cref="AnalyticsServiceCollectionExtensions.AddAnalytics"/>, where the steps are listed in the
/// order they run. A step reports progress through the context and records what it made and where.
/// </summary>
internal interface IDemoStep
{
    /// <summary>What the step does, as the progress display names it ("Seed the clinic history").</summary>
    string Title { get; }

    Task RunAsync(DemoContext context, CancellationToken cancellationToken);
}

/// <summary>Creates the database (or brings its schema up to date) and the folder later steps write reports to.</summary>
internal sealed class PrepareDatabaseStep(AnalyticsDatabase database) : IDemoStep
{
    public string Title => "Prepare the database";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaIsCurrentAsync(cancellationToken);
        FileModes.CreateFolder(context.ReportsDirectory);
        context.Made("Database", database.Description);
        context.Made("Reports folder", context.ReportsDirectory);
    }
}

/// <summary>
/// Seeds the demo's clinic group (the <see cref="SeedSettings"/> defaults: 3 clinics, 2,000 patients,
/// 24 months, seed 42) up to today. Seeding is idempotent, so a second run on the same day changes nothing.
/// </summary>
internal sealed class SeedHistoryStep(ClinicHistorySeeder seeder) : IDemoStep
{
    private static readonly SeedSettings Shape = new() { Until = DateOnly.MinValue };

    public string Title => string.Create(
        CultureInfo.InvariantCulture,
        $"Seed {Shape.Clinics} clinics, {Shape.Patients:N0} patients, {Shape.Months} months (seed {Shape.Seed})");

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var settings = Shape with { Until = context.Today };
        var progress = new SynchronousProgress<SeedProgress>(report => context.ReportProgress(report.PatientsDone, report.PatientsTotal));
        var result = await seeder.SeedDatabaseAsync(settings, progress, cancellationToken);
        context.Made(
            "Seeded history",
            string.Create(CultureInfo.InvariantCulture, $"up to {settings.Until:yyyy-MM-dd}: {result.RowsOf("appointments"):N0} appointments; {result.NewOrChanged:N0} rows new or changed, {result.Removed:N0} removed"));
    }
}

/// <summary>Counts what the database holds now, table by table, for the closing summary.</summary>
internal sealed class CountRowsStep(AnalyticsDatabase database) : IDemoStep
{
    public string Title => "Count the rows";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var counts = await ClinicDataCounter.CountAsync(database, cancellationToken);
        foreach (var (table, rows) in counts.ByTable)
        {
            context.Made(table, rows.ToString("N0", CultureInfo.InvariantCulture));
        }
    }
}
