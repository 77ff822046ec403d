using System.Text.Json;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Import;
using PhysicalTheraPT.Analytics.Retention;
using PhysicalTheraPT.Analytics.Sources;

namespace PhysicalTheraPT.Analytics.Tests.Sources;

/// <summary>The sync, the import and the retention pass over one test database, wired as AddAnalytics wires them.</summary>
internal sealed class SourceSyncHarness
{
    private readonly AnalyticsDatabase _database;
    private readonly TimeProvider _time;

    public SourceSyncHarness(AnalyticsDatabase database, TimeProvider? time = null)
    {
        _database = database;
        _time = time ?? TimeProvider.System;
        Store = new SourceSyncStore(database, _time);
    }

    public SourceSyncStore Store { get; }

    public SourceSync SyncOf(params SourceOptions[] sources) => new(
        _database,
        [new DatabaseSourceKind(), new FolderSourceKind(_time)],
        Options.Create(new SourcesOptions { Sources = [.. sources] }),
        Options.Create(new ImportOptions()),
        Store,
        _time);

    /// <summary>Syncs the source as entry 0 of Sources.</summary>
    public Task<SyncResult> SyncAsync(SourceOptions source, bool allowLargeRemoval = false) =>
        SyncOf(source).SyncAsync(0, source, new SyncRequest(allowLargeRemoval), progress: null, CancellationToken.None);

    public Task<ImportResult> ImportAsync(string directory) =>
        new ClinicDataImporter(_database, Options.Create(new ImportOptions()), _time).ImportAsync(new ImportRequest(directory), null, CancellationToken.None);

    public async Task<IReadOnlyList<PatientFlag>> FlagsAsync(DateOnly asOf) =>
        (await new RetentionAnalysis(_database, Options.Create(new RetentionOptions()), _time).FlagsAsync(asOf, clinicId: null)).Flags;

    /// <summary>The month's numbers as JSON, so two passes compare number by number.</summary>
    public async Task<string> MetricsJsonAsync(CalendarMonth month, DateOnly asOf)
    {
        var pass = await new RetentionAnalysis(_database, Options.Create(new RetentionOptions()), _time).MonthlyAsync(month, asOf, withFlaggedPatients: false);
        return JsonSerializer.Serialize(pass.Metrics);
    }
}
