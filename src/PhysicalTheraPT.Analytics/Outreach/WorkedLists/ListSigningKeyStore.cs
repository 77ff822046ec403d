using Dapper;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// Keeps this installation's <see cref="ListSigningKey"/> in its database (<c>installation_secrets</c>):
/// made on first use, read once per process. Two processes starting at once make two candidates, but the
/// insert keeps only the first and both then read that one, so every list is signed with the same key.
/// </summary>
internal sealed class ListSigningKeyStore : ISqlStatements
{
    private const string SecretName = "outreach-list-signing";

    private const string ReadSql = "SELECT value FROM installation_secrets WHERE name = @Name";

    private const string InsertSql = "INSERT INTO installation_secrets (name, value) VALUES (@Name, @Value) ON CONFLICT (name) DO NOTHING";

    // The range lock holds off a second insert of the same name between the check and the insert.
    private const string SqlServerInsertSql = """
        INSERT INTO installation_secrets (name, value)
        SELECT @Name, @Value
        WHERE NOT EXISTS (SELECT 1 FROM installation_secrets WITH (UPDLOCK, HOLDLOCK) WHERE name = @Name)
        """;

    private readonly AnalyticsDatabase? _database;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ListSigningKey? _key;

    public ListSigningKeyStore(AnalyticsDatabase database)
    {
        _database = database;
    }

    /// <summary>A store holding a given key, for tests that write lists without a database.</summary>
    internal ListSigningKeyStore(ListSigningKey key)
    {
        _key = key;
    }

    /// <summary>The installation's key, made and stored if this database has none yet.</summary>
    internal async Task<ListSigningKey> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_key is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _key ??= await LoadOrCreateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// For the list writer, which is synchronous (data in, file out): the key is read from the database
    /// once per process, from a job or command thread with no synchronization context to block.
    /// </summary>
    internal ListSigningKey Get() => _key ?? GetAsync().GetAwaiter().GetResult();

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("read", ReadSql);
        yield return new("insert", InsertFor(dialect));
    }

    private async Task<ListSigningKey> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        var database = _database ?? throw new InvalidOperationException("This store has no database.");
        await using var connection = await database.OpenAsync(cancellationToken);
        var read = new CommandDefinition(ReadSql, new { Name = SecretName }, cancellationToken: cancellationToken);
        var stored = await connection.ExecuteScalarAsync<string?>(read);
        if (stored is null)
        {
            var candidate = ListSigningKey.CreateNew().ToStored();
            await connection.ExecuteAsync(new CommandDefinition(InsertFor(database.Dialect), new { Name = SecretName, Value = candidate }, cancellationToken: cancellationToken));
            stored = await connection.ExecuteScalarAsync<string?>(read);
        }

        if (stored is null || stored.Length != ListSigningKey.SecretBytes * 2 || !stored.All(char.IsAsciiHexDigit))
        {
            throw new InvalidOperationException($"The installation secret '{SecretName}' in table installation_secrets is damaged; outreach lists cannot be signed or checked. Restore the database from a backup.");
        }

        return new ListSigningKey(Convert.FromHexString(stored));
    }

    private static string InsertFor(SqlDialect dialect) => dialect.Provider == DatabaseProvider.SqlServer ? SqlServerInsertSql : InsertSql;
}
