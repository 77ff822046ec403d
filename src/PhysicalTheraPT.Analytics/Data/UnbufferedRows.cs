using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// The rows of a query handed over one at a time as the provider reads them, each made by Dapper's own row
/// parser, so nothing accumulates however many rows the query returns.
/// </summary>
/// <remarks>
/// Used instead of Dapper's <c>QueryUnbufferedAsync</c>, which cancels its command whenever the reader is
/// still open at the end, and Npgsql's reader is still open after its last row (DapperLib/Dapper#2188). So
/// every read that had finished sent PostgreSQL a cancel request: a TCP connection and a forked server
/// process each time (three a night for the three history streams), and a signal that can land on whatever
/// the pooled connection runs next. Here the command is cancelled only when the caller stops early, so the
/// server stops sending instead of the reader draining the rest.
/// </remarks>
internal static class UnbufferedRows
{
    /// <param name="parameters">Named values for the query's <c>@Name</c> placeholders (strings and numbers: no type handlers apply).</param>
    public static async IAsyncEnumerable<TRow> QueryRowsAsync<TRow>(
        this DbConnection connection,
        string sql,
        IReadOnlyDictionary<string, object>? parameters,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters ?? new Dictionary<string, object>())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleResult, cancellationToken);
        var parse = reader.GetRowParser<TRow>();
        var readToTheEnd = false;
        try
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return parse(reader);
            }

            readToTheEnd = true;
        }
        finally
        {
            if (!readToTheEnd)
            {
                command.Cancel();
            }
        }
    }
}
