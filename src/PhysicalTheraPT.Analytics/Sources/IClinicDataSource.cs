using PhysicalTheraPT.Analytics.Import;

namespace PhysicalTheraPT.Analytics.Sources;

// How a new kind of source plugs in
// ---------------------------------
// 1. Write an ISourceKind (its Kind name, a Validate of its settings naming Sources:N:Key, and OpenAsync)
//    and register it in AddAnalytics: services.AddSingleton<ISourceKind, MyKind>(). Add the name to
//    SourceKinds.All so the options check knows it.
// 2. OpenAsync returns an IClinicDataSource: for each contract table (ContractFile.Clinics, Providers,
//    Patients, Episodes, Appointments, asked in that order) a SourceTable, a forward-only stream of rows
//    whose columns carry the contract's names (docs/import.md). Values may be typed (DateTime, bool, int,
//    null) or text in the contract's forms; SourceRecords turns them into the contract's text and maps
//    Statuses, and the rows then go through the SAME checks as `import` (Import/RecordFields and the
//    IContractCsv rules), with the same messages, into the store by Data/ClinicDataWriter and
//    Data/ClinicDataMirror. A source never writes tables of its own.
// 3. Rows are streamed: hold one row (or one patient's rows) at a time, never a table.
// 4. Throw UserInputException for what a person must fix (a setting, a missing table or column; it fails
//    at once) and SourceUnavailableException for what waiting may cure (unreachable, timed out; retried
//    with back-off). Never put a connection string or password in a message: SourceSecrets.Scrub.

/// <summary>One opened source: the contract's tables as streams of rows, read once each, in dependency order.</summary>
internal interface IClinicDataSource : IAsyncDisposable
{
    /// <summary>
    /// The rows of <paramref name="table"/>, or null when this source has no such table (only
    /// <see cref="ContractFile.Episodes"/> may be missing: then the source has no episodes).
    /// The caller disposes the table before asking for the next.
    /// </summary>
    Task<SourceTable?> OpenTableAsync(ContractFile table, CancellationToken cancellationToken);
}

/// <summary>A kind of source (<see cref="SourceOptions.Kind"/>): checks its settings and opens it.</summary>
internal interface ISourceKind
{
    /// <summary>One of <see cref="SourceKinds"/>.</summary>
    string Kind { get; }

    /// <summary>Throws a <see cref="UserInputException"/> naming <c>Sources:{index}:Key</c> when a setting cannot work.</summary>
    void Validate(SourceOptions source, int index);

    Task<IClinicDataSource> OpenAsync(SourceOptions source, CancellationToken cancellationToken);
}

/// <summary>
/// The source could not be reached or did not answer in time (down, restarting, a network fault, a
/// query timeout): waiting may cure it, so the scheduled sync is retried with back-off. The message is
/// already scrubbed of connection strings and passwords; there is deliberately no inner exception, whose
/// text could carry them to a log or the dashboard.
/// </summary>
internal sealed class SourceUnavailableException : Exception
{
    public SourceUnavailableException(string message)
        : base(message)
    {
    }

    public SourceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SourceUnavailableException()
    {
    }
}
