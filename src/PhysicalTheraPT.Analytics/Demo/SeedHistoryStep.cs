using System.Globalization;
using PhysicalTheraPT.Analytics.Seeding;

namespace PhysicalTheraPT.Analytics.Demo;

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
