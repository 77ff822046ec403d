using PhysicalTheraPT.Analytics.Sources;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// sync: pulls every configured source into the store, one after another, each in its own transaction
/// (Sources/SourceSync). A source that fails does not stop the others; the run then fails as a whole:
/// retried with back-off when any source was only unreachable (a retry re-syncs the others too, which
/// costs a read and writes nothing), failed at once when every failure needs a person (a setting, a
/// missing column, an unmapped status, the large-removal guard). The summary has every source's counts
/// and seconds; no connection string or value from a source ever reaches it.
/// </summary>
internal sealed class SyncJob : IClinicJob
{
    private readonly SourceSync _sync;

    public SyncJob(SourceSync sync)
    {
        _sync = sync;
    }

    public string Name => JobNames.Sync;

    public async Task<JobOutcome> RunAsync(JobWorkItem work, CancellationToken cancellationToken)
    {
        var summaries = new List<string>();
        var failures = new List<Exception>();
        var rows = 0;
        foreach (var (index, source) in _sync.Sources.Select(name: null))
        {
            try
            {
                var result = await _sync.SyncAsync(index, source, new SyncRequest(), progress: null, cancellationToken);
                summaries.Add(result.Summary);
                rows += result.RowsWritten;
            }
            catch (Exception exception) when (exception is UserInputException or SourceUnavailableException)
            {
                failures.Add(exception);
                summaries.Add(exception.Message.StartsWith("Source ", StringComparison.Ordinal) ? exception.Message : $"Source {source.Name}: {exception.Message}");
            }
        }

        var summary = string.Join(Environment.NewLine, summaries);
        if (failures.Count == 0)
        {
            return new JobOutcome([], rows, summary);
        }

        // Waiting helps when any source was only out of reach; otherwise a person must act first.
        throw failures.Any(failure => failure is SourceUnavailableException)
            ? new SourceUnavailableException(summary)
            : new UserInputException(summary);
    }
}
