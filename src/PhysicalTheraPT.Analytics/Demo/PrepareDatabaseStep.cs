using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Files;

namespace PhysicalTheraPT.Analytics.Demo;

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
