using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Tests.Data;

public sealed class UnbufferedRowsTests
{
    [Fact]
    public async Task QueryRowsAsync_ReadsEveryRowThroughDappersParser_WithoutCancellingTheFinishedCommand()
    {
        await using var connection = await NumbersAsync(1_000);

        var rows = new List<NumberRow>();
        await foreach (var row in connection.QueryRowsAsync<NumberRow>("SELECT n AS Number, 'n' || n AS Name FROM numbers WHERE n > @From ORDER BY n", new Dictionary<string, object> { ["From"] = 10 }, CancellationToken.None))
        {
            rows.Add(row);
        }

        Assert.Equal(Enumerable.Range(11, 990).Select(number => (long)number), rows.Select(row => row.Number));
        Assert.Equal("n11", rows[0].Name);
        // A cancel here would be a cancel request to a server that had finished: on PostgreSQL a connection
        // of its own and a signal that can hit the next statement on the pooled connection.
        Assert.Equal(0, connection.Cancels);
    }

    [Fact]
    public async Task QueryRowsAsync_CancelsTheCommand_WhenTheCallerStopsEarly()
    {
        await using var connection = await NumbersAsync(1_000);

        await foreach (var row in connection.QueryRowsAsync<NumberRow>("SELECT n AS Number, 'n' || n AS Name FROM numbers ORDER BY n", null, CancellationToken.None))
        {
            if (row.Number == 5)
            {
                break;
            }
        }

        // The server stops sending the rest instead of the reader draining it.
        Assert.Equal(1, connection.Cancels);
    }

    private static async Task<CountingConnection> NumbersAsync(int count)
    {
        var connection = new CountingConnection(new SqliteConnection("Data Source=:memory:"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE numbers (n INTEGER PRIMARY KEY); WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {count}) INSERT INTO numbers SELECT n FROM s";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private sealed class NumberRow
    {
        public long Number { get; init; }

        public string Name { get; init; } = "";
    }

    /// <summary>A real connection whose commands count the times they are cancelled.</summary>
    private sealed class CountingConnection(DbConnection inner) : DbConnection
    {
        public int Cancels { get; private set; }

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string ConnectionString
        {
            get => inner.ConnectionString;
            set => inner.ConnectionString = value;
        }

        public override string Database => inner.Database;

        public override string DataSource => inner.DataSource;

        public override string ServerVersion => inner.ServerVersion;

        public override ConnectionState State => inner.State;

        public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);

        public override void Close() => inner.Close();

        public override void Open() => inner.Open();

        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => inner.BeginTransaction(isolationLevel);

        protected override DbCommand CreateDbCommand() => new CountingCommand(inner.CreateCommand(), this);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private sealed class CountingCommand(DbCommand inner, CountingConnection owner) : DbCommand
        {
            [System.Diagnostics.CodeAnalysis.AllowNull]
            public override string CommandText
            {
                get => inner.CommandText;
                set => inner.CommandText = value;
            }

            public override int CommandTimeout
            {
                get => inner.CommandTimeout;
                set => inner.CommandTimeout = value;
            }

            public override CommandType CommandType
            {
                get => inner.CommandType;
                set => inner.CommandType = value;
            }

            public override bool DesignTimeVisible { get; set; }

            public override UpdateRowSource UpdatedRowSource
            {
                get => inner.UpdatedRowSource;
                set => inner.UpdatedRowSource = value;
            }

            protected override DbConnection? DbConnection
            {
                get => owner;
                set { }
            }

            protected override DbParameterCollection DbParameterCollection => inner.Parameters;

            protected override DbTransaction? DbTransaction
            {
                get => inner.Transaction;
                set => inner.Transaction = value;
            }

            public override void Cancel()
            {
                owner.Cancels++;
                inner.Cancel();
            }

            public override int ExecuteNonQuery() => inner.ExecuteNonQuery();

            public override object? ExecuteScalar() => inner.ExecuteScalar();

            public override void Prepare() => inner.Prepare();

            protected override DbParameter CreateDbParameter() => inner.CreateParameter();

            protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => inner.ExecuteReader(behavior);

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    inner.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }
}
