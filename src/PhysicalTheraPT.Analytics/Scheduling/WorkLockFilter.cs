using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;
using Npgsql;

namespace PhysicalTheraPT.Analytics.Scheduling;

/// <summary>
/// One run at a time per unit of work (job, clinic, period), even across machines. On PostgreSQL the
/// lock is a session advisory lock on a connection of its own, which the server drops with the session:
/// a process killed mid-job, or a database restart, leaves no lock behind for the next run to wait out
/// (Hangfire.PostgreSql's own locks are rows that stay until they time out). Elsewhere it is the
/// storage's lock: SQL Server's are session locks too, the embedded SQLite storage's expire unless renewed.
/// </summary>
internal sealed class WorkLockFilter : JobFilterAttribute, IServerFilter
{
    private const string LockItem = "ptanalytics.work-lock";
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(500);

    private readonly string _resourceFormat;
    private readonly TimeSpan _timeout;
    private readonly string? _postgresConnectionString;

    /// <param name="resourceFormat">Formatted with the job's arguments, as Hangfire's DisableConcurrentExecution does.</param>
    /// <param name="postgresConnectionString">The database's connection string when it is PostgreSQL; else null.</param>
    public WorkLockFilter(string resourceFormat, TimeSpan timeout, string? postgresConnectionString)
    {
        _resourceFormat = resourceFormat;
        _timeout = timeout;
        _postgresConnectionString = postgresConnectionString is null
            ? null
            // Pooling off: the lock lives as long as the physical connection, which a pool would keep.
            : new NpgsqlConnectionStringBuilder(postgresConnectionString) { Pooling = false }.ConnectionString;
    }

    public void OnPerforming(PerformingContext context)
    {
        var resource = string.Format(CultureInfo.InvariantCulture, _resourceFormat, context.BackgroundJob.Job.Args.ToArray());
        context.Items[LockItem] = _postgresConnectionString is null
            ? context.Connection.AcquireDistributedLock(resource, _timeout)
            : AcquireAdvisoryLock(resource, context.CancellationToken.ShutdownToken);
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(LockItem, out var held) && held is IDisposable disposable)
        {
            context.Items.Remove(LockItem);
            disposable.Dispose();
        }
    }

    private AdvisoryLock AcquireAdvisoryLock(string resource, CancellationToken cancellationToken)
    {
        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(resource)), 0);
        var connection = new NpgsqlConnection(_postgresConnectionString);
        try
        {
            connection.Open();
            var giveUpAt = DateTime.UtcNow + _timeout;
            using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@Key)", connection);
            command.Parameters.AddWithValue("Key", key);
            while (!(bool)command.ExecuteScalar()!)
            {
                if (DateTime.UtcNow >= giveUpAt)
                {
                    throw new DistributedLockTimeoutException(resource);
                }

                cancellationToken.WaitHandle.WaitOne(RetryInterval);
                cancellationToken.ThrowIfCancellationRequested();
            }

            return new AdvisoryLock(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Closing the connection ends the session, and with it the lock, even when an unlock could not run.
    private sealed class AdvisoryLock(NpgsqlConnection connection) : IDisposable
    {
        public void Dispose() => connection.Dispose();
    }
}
