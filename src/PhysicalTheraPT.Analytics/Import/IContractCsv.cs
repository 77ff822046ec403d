using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Import;

/// <summary>The rules of one contract file: how a record becomes a row, and what an accepted or rejected row means for later files.</summary>
internal interface IContractCsv<TRow>
{
    ContractFile File { get; }

    /// <summary>Reads the current record; every problem is recorded in <paramref name="fields"/> (then the row is not used).</summary>
    TRow Parse(RecordFields fields);

    /// <summary>Remembers an accepted row, so later rows and files may refer to it.</summary>
    void Accept(TRow row);

    /// <summary>Remembers that the row with this id was rejected, so rows that refer to it are rejected too.</summary>
    void Reject(string id, int line);

    Task<int> WriteAsync(ClinicDataWriter writer, IReadOnlyList<TRow> rows, CancellationToken cancellationToken);
}
