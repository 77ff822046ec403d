using Dapper;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Demo;

/// <summary>
/// The demo's sign-in for the web app: <c>demo</c> prints a fresh password and keeps only its hash, in the
/// demo database's <c>installation_secrets</c>, so the sign-in exists for that database alone; <c>serve</c>
/// accepts it only while it listens on loopback (docs/web.md).
/// </summary>
internal sealed class DemoSignIn : ISqlStatements
{
    public const string UserName = "demo";

    private const string SecretName = "demo-web-sign-in";

    private const string ReadSql = "SELECT value FROM installation_secrets WHERE name = @Name";

    private const string DeleteSql = "DELETE FROM installation_secrets WHERE name = @Name";

    private const string InsertSql = "INSERT INTO installation_secrets (name, value) VALUES (@Name, @Value)";

    private readonly AnalyticsDatabase _database;

    public DemoSignIn(AnalyticsDatabase database)
    {
        _database = database;
    }

    /// <summary>Replaces the demo's password hash (a new demo run, a new password).</summary>
    public async Task SaveAsync(string passwordHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { Name = SecretName }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, new { Name = SecretName, Value = passwordHash }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The demo's password hash; null for a database the demo never ran on.</summary>
    public async Task<string?> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(ReadSql, new { Name = SecretName }, cancellationToken: cancellationToken));
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("read", ReadSql);
        yield return new("delete", DeleteSql);
        yield return new("insert", InsertSql);
    }
}
