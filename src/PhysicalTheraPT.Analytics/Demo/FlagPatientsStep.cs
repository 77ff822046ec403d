using System.Globalization;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Demo;

/// <summary>
/// Flags the patients to call as of the demo's today: the counts per clinic go to the closing summary, the
/// flags to <c>flags-&lt;date&gt;.csv</c> in the reports folder (owner-only: it lists patients' histories).
/// </summary>
internal sealed class FlagPatientsStep(AnalyticsDatabase database, RetentionAnalysis analysis) : IDemoStep
{
    public string Title => "Flag the patients to call as of today";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var progress = await context.ProgressOverPatientsAsync(database, cancellationToken);
        var result = await analysis.FlagsAsync(context.Today, clinicId: null, progress, cancellationToken);

        foreach (var clinic in result.Clinics.Clinics)
        {
            var flags = result.Flags.Where(flag => flag.ClinicId == clinic.ClinicId).ToList();
            var dropped = flags.Count(flag => flag.Kind == PatientFlagKind.DroppedAfterAcute);
            context.Made(
                $"Flags {clinic.ClinicId} {clinic.Name}",
                string.Create(CultureInfo.InvariantCulture, $"{dropped:N0} dropped after acute care, {flags.Count - dropped:N0} maintenance lapsed"));
        }

        var path = Path.Combine(context.ReportsDirectory, "flags-" + context.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".csv");
        await AtomicFile.WriteTextAsync(path, FilePrivacy.OwnerOnly, writer => TableWriter.WriteFlags(writer, result.Flags.Select(FlagRow.From), OutputFormat.Csv), cancellationToken);
        context.Made("Flags CSV", path);
    }
}
