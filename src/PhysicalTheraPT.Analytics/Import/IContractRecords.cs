namespace PhysicalTheraPT.Analytics.Import;

/// <summary>
/// The records of one contract table, one at a time, as the validation (<see cref="RecordFields"/> and the
/// <see cref="IContractCsv{TRow}"/> rules) reads them: from a CSV file (<see cref="ContractCsvReader"/>) or
/// from a configured source's query (Sources/), so every way in is checked by the same code with the same
/// messages. Values are the contract's text forms (docs/import.md), looked up by the contract's column
/// ordinal.
/// </summary>
internal interface IContractRecords : IDisposable
{
    ContractFile File { get; }

    /// <summary>Where the records come from, as messages name it: the file name, or a source's query.</summary>
    string Name { get; }

    /// <summary>What is wrong with the columns as a whole (missing or repeated); empty when they are usable.</summary>
    IReadOnlyList<string> HeaderProblems { get; }

    /// <summary>The position of the current record: a file's physical line (1 = header), a query's row number + 1.</summary>
    int Line { get; }

    /// <summary>The current record as a person can find it again (the file's line, the row's values); only ever written to the owner-only rejects file.</summary>
    string RawRecord { get; }

    /// <summary>Moves to the next record; false at the end.</summary>
    ValueTask<bool> ReadAsync(CancellationToken cancellationToken);

    /// <summary>What is wrong with the current record's shape (quoting, field count, encoding), never quoting a value.</summary>
    IEnumerable<string> RecordProblems();

    /// <summary>The value of a contract column in the current record, untrimmed; empty when blank.</summary>
    string Value(int ordinal);
}

/// <summary>The ids of a table that appear more than once, by the line of each copy.</summary>
internal interface IDuplicateIds
{
    /// <summary>The other lines with the same id as the record on <paramref name="line"/>, or null when its id is unique so far.</summary>
    IReadOnlyList<int>? OtherLinesThan(int line);
}
