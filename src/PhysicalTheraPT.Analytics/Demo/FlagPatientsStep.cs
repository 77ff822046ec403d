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

        context.Made("Not to be contacted", await NotToBeContactedAsync(cancellationToken));

        var path = Path.Combine(context.ReportsDirectory, "flags-" + context.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".csv");
        await AtomicFile.WriteTextAsync(path, FilePrivacy.OwnerOnly, writer => TableWriter.WriteFlags(writer, result.Flags.Select(FlagRow.From), OutputFormat.Csv), cancellationToken);
        context.Made("Flags CSV", path);
    }

    /// <summary>
    /// What the clinics' systems say about reaching their patients, counted by the rule the flags follow
    /// (<see cref="ContactConsent"/>): the synthetic clinics record a few deaths and withheld channels.
    /// </summary>
    private async Task<string> NotToBeContactedAsync(CancellationToken cancellationToken)
    {
        int deceased = 0, noChannel = 0, doNotContact = 0, withholding = 0;
        await foreach (var patient in new PatientHistoryReader(database).ReadPatientRowsAsync(clinicId: null, PatientScope.Everyone, cancellationToken))
        {
            var consent = patient.ToConsent();
            deceased += consent.IsDeceased ? 1 : 0;
            doNotContact += consent.DoNotContact ? 1 : 0;
            noChannel += consent.HasAllowedChannel ? 0 : 1;
            withholding += consent.HasAllowedChannel && !(consent.AllowPhone && consent.AllowSms && consent.AllowEmail) ? 1 : 0;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{deceased:N0} deceased, {doNotContact:N0} do-not-contact, {noChannel:N0} allowing no channel (never flagged or listed); {withholding:N0} withholding a channel (lists offer only the others)");
    }
}
