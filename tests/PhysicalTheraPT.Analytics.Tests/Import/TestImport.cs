using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Import;

namespace PhysicalTheraPT.Analytics.Tests.Import;

/// <summary>Runs the importer the way the command does, with options a test can set and a fixed clock.</summary>
internal static class TestImport
{
    /// <summary>The fixed "now" (UTC; the fake clock's local zone is UTC too): rejects files are named after it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 30, 15, TimeSpan.Zero);

    public static Task<ImportResult> RunAsync(
        AnalyticsDatabase database,
        string directory,
        bool skipInvalid = false,
        string? rejectsPath = null,
        Dictionary<string, string>? serviceNames = null,
        IProgress<ImportProgress>? progress = null,
        int batchSize = 1000,
        int maxErrorsListed = 50,
        CancellationToken cancellationToken = default)
    {
        var options = new ImportOptions { ServiceNames = serviceNames ?? [], BatchSize = batchSize, MaxErrorsListed = maxErrorsListed };
        var importer = new ClinicDataImporter(database, Options.Create(options), new FakeTimeProvider(Now));
        return importer.ImportAsync(new ImportRequest(directory, skipInvalid, rejectsPath), progress, cancellationToken);
    }
}
