using System.Globalization;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Demo;

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
