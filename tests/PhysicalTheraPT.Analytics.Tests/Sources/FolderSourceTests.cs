using Dapper;
using Microsoft.Extensions.Time.Testing;
using PhysicalTheraPT.Analytics.Sources;
using PhysicalTheraPT.Analytics.Tests.Import;
using PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

namespace PhysicalTheraPT.Analytics.Tests.Sources;

/// <summary>
/// A drop folder an EMR exports into: a set is taken only when complete, imported all or nothing, moved
/// to processed/ or failed/ (with problems.txt), and never imported twice; EMR headers map to the contract.
/// </summary>
public sealed class FolderSourceTests : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    private readonly TemporaryFolder _drop = new();
    private readonly TestDatabase _store = TestDatabase.CreateSqlite();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 1, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task Sync_LeavesASetThatIsStillBeingWritten_ForTheNextLook()
    {
        // Arrange: the EMR is still appending to appointments.csv between the two looks.
        using var export = ClinicExport.Valid();
        var set = WriteSet(export, "export-1");
        var harness = new SourceSyncHarness(_store.Database, _time);
        var syncing = harness.SyncAsync(Source());
        await File.AppendAllTextAsync(Path.Combine(set, "appointments.csv"), "a2,p1,c1,pr1,e1,pt,2026-01-12T09:30,completed,\n");
        _time.Advance(Settle);

        // Act
        var result = await syncing;

        // Assert
        Assert.False(result.Wrote);
        Assert.Contains("1 still being written", result.Note, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(set, "appointments.csv")));
        Assert.Equal(0, (await DatabaseSnapshot.TakeAsync(_store.Database)).TotalRows);

        // The next look finds it unchanged and takes it.
        var next = harness.SyncAsync(Source());
        _time.Advance(Settle);
        Assert.Equal(2, (await next).Tables.Single(table => table.Table == "appointments").New);
    }

    [Fact]
    public async Task Sync_MovesABadSetToFailedWithProblems_AndWritesNothing()
    {
        // Arrange
        using var export = ClinicExport.Valid();
        export.Patients.Add(("patient_id", "p2"), ("first_name", "Zelda"), ("birth_date", "31/12/1980"));
        WriteSet(export, "export-1");
        var source = Source();
        source.RequireDoneMarker = true;
        File.WriteAllText(Path.Combine(_drop.Path, "export-1", FolderSourceKind.DoneMarker), "");

        // Act
        var error = await Assert.ThrowsAsync<UserInputException>(() => new SourceSyncHarness(_store.Database, _time).SyncAsync(source));

        // Assert
        var failed = Assert.Single(Directory.GetDirectories(Path.Combine(_drop.Path, FolderSourceKind.FailedFolder)));
        var problems = await File.ReadAllTextAsync(Path.Combine(failed, FolderSourceKind.ProblemsFile));
        Assert.Contains("patients.csv:3, birth_date is not a date in the form YYYY-MM-DD", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("Zelda", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("31/12/1980", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(failed, "patients.csv")));
        Assert.False(Directory.Exists(Path.Combine(_drop.Path, "export-1")));
        Assert.Equal(0, (await DatabaseSnapshot.TakeAsync(_store.Database)).TotalRows);
    }

    [Fact]
    public async Task Sync_ImportsASetOnce_WhenTheSameSetIsDroppedAgain()
    {
        // Arrange
        using var export = ClinicExport.Valid();
        var source = Source();
        source.RequireDoneMarker = true;
        var harness = new SourceSyncHarness(_store.Database, _time);
        WriteSet(export, "export-1", done: true);
        var first = await harness.SyncAsync(source);
        await using (var connection = await _store.Database.OpenAsync())
        {
            // Changed here since (as a later set would): importing the old set again would undo it.
            await connection.ExecuteAsync("UPDATE appointments SET status = 'no_show'");
        }

        WriteSet(export, "export-1-again", done: true);

        // Act
        var second = await harness.SyncAsync(source);

        // Assert
        Assert.True(first.Wrote);
        Assert.False(second.Wrote);
        Assert.Contains("imported before", second.Note, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(_drop.Path, FolderSourceKind.ProcessedFolder)).Length);
        await using var check = await _store.Database.OpenAsync();
        Assert.Equal("no_show", await check.ExecuteScalarAsync<string>("SELECT status FROM appointments"));
    }

    [Fact]
    public async Task Sync_ReadsTheEmrsOwnHeadersAndStatuses_WhenColumnsAndStatusesMapThem()
    {
        // Arrange: the EMR calls two columns its own way and says "Arrived" for completed.
        using var export = ClinicExport.Valid();
        export.Appointments.Header[export.Appointments.Header.IndexOf("starts_at")] = "Appt Date";
        export.Appointments.Header[export.Appointments.Header.IndexOf("status")] = "Visit Status";
        export.Appointments.Set(0, "Appt Date", "2026-01-05T09:30").Set(0, "Visit Status", "Arrived");
        WriteSet(export, "export-1", done: true);
        var source = Source();
        source.RequireDoneMarker = true;
        source.Columns = new() { ["Appt Date"] = "starts_at", ["visit status"] = "status" };
        source.Statuses = new() { ["Arrived"] = "completed" };

        // Act
        var result = await new SourceSyncHarness(_store.Database, _time).SyncAsync(source);

        // Assert
        Assert.Equal(1, result.Tables.Single(table => table.Table == "appointments").New);
        await using var connection = await _store.Database.OpenAsync();
        Assert.Equal(("completed", "2026-01-05 09:30:00"), await connection.QuerySingleAsync<(string, string)>("SELECT status, starts_at FROM appointments"));
        Assert.Single(Directory.GetDirectories(Path.Combine(_drop.Path, FolderSourceKind.ProcessedFolder)));
    }

    [Fact]
    public async Task Sync_WaitsForTheMarker_WhenRequireDoneMarkerIsSet()
    {
        using var export = ClinicExport.Valid();
        WriteSet(export, "export-1");
        var source = Source();
        source.RequireDoneMarker = true;

        var result = await new SourceSyncHarness(_store.Database, _time).SyncAsync(source);

        Assert.False(result.Wrote);
        Assert.True(Directory.Exists(Path.Combine(_drop.Path, "export-1")));
    }

    public void Dispose()
    {
        _store.Dispose();
        _drop.Dispose();
    }

    private SourceOptions Source() => new() { Name = "exports", Kind = SourceKinds.Folder, Path = _drop.Path, SettleInterval = Settle };

    private string WriteSet(ClinicExport export, string name, bool done = false)
    {
        var folder = Path.Combine(_drop.Path, name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(export.Write()))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        if (done)
        {
            File.WriteAllText(Path.Combine(folder, FolderSourceKind.DoneMarker), "");
        }

        return folder;
    }
}
