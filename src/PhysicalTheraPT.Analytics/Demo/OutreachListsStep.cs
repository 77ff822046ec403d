using System.Globalization;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;

namespace PhysicalTheraPT.Analytics.Demo;

/// <summary>Writes one outreach list per clinic as of the demo's today, as the weekly job does for front desk.</summary>
internal sealed class OutreachListsStep(AnalyticsDatabase database, OutreachListService outreach) : IDemoStep
{
    public string Title => "Write the outreach lists for front desk";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var progress = await context.ProgressOverPatientsAsync(database, cancellationToken);
        var request = new OutreachListRequest { AsOf = context.Today, OutputDirectory = context.ReportsDirectory };
        var run = await outreach.WriteAsync(request, progress, cancellationToken);
        foreach (var list in run.Lists)
        {
            context.Made(
                "Outreach list " + list.ClinicId,
                string.Create(CultureInfo.InvariantCulture, $"{list.File.Path} ({list.File.RowsWritten:N0} patients to call)"));
        }
    }
}
