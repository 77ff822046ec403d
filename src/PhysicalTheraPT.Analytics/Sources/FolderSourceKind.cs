using PhysicalTheraPT.Analytics.Import;

namespace PhysicalTheraPT.Analytics.Sources;

/// <summary><c>folder</c>: a drop folder an EMR's scheduled export lands in (completed in the next step).</summary>
internal sealed class FolderSourceKind(TimeProvider time) : ISourceKind
{
    private readonly TimeProvider _time = time;

    public string Kind => SourceKinds.Folder;

    public void Validate(SourceOptions source, int index)
    {
        if (string.IsNullOrWhiteSpace(source.Path))
        {
            throw new UserInputException($"Sources:{index}:Path is not set. Give the folder the EMR's export lands in.");
        }
    }

    public Task<IClinicDataSource> OpenAsync(SourceOptions source, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A folder source is synced set by set (SyncAsync), not opened.");

    public Task<SyncResult> SyncAsync(SourceSync sync, int index, SourceOptions source, SyncRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        Task.FromResult(new SyncResult(source.Name, source.Kind, [], TimeSpan.Zero, Note: "no complete export set"));
}
