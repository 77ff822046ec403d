namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// The statements of PostgreSQL's upsert of a batch through a staging table
/// (<see cref="SqlDialect.StagedUpsert"/>), in the order they run: the staging table is created once per
/// transaction, then each batch is copied into it, upserted from it and emptied out of it.
/// </summary>
internal sealed record StagedUpsertSql(string StagingTable, string CreateStagingTable, string UpsertFromStaging, string EmptyStagingTable);
