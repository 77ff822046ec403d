using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PhysicalTheraPT.Analytics.Tests.TestInfrastructure;

/// <summary>
/// A PostgreSQL cluster of a test's own, for faults that would harm everyone else on the shared one:
/// stopping the server mid-run. Made the way <c>.ci/postgres-up</c> makes the shared cluster (same
/// PostgreSQL, <c>initdb</c> with trust auth, 127.0.0.1 only, a free port, as the <c>postgres</c> user when
/// root) in a folder under /tmp; <see cref="Dispose"/> stops it and deletes the folder.
/// </summary>
internal sealed class ThrowawayPostgresCluster : IDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly int _port;

    private ThrowawayPostgresCluster(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _port = port;
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=true";

    /// <summary>Null when a cluster can be made here; else why not (for a skip message).</summary>
    public static string? WhyUnavailable => FindBin() is null ? "PostgreSQL's binaries (initdb, pg_ctl) are not installed: apt-get install -y postgresql." : null;

    public static ThrowawayPostgresCluster Create()
    {
        var bin = FindBin() ?? throw new InvalidOperationException(WhyUnavailable);
        var folder = Directory.CreateTempSubdirectory("pta-pg-own.").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        Directory.CreateDirectory(Path.Combine(folder, "socket"));
        if (IsRoot)
        {
            Run("chown", "-R", "postgres:postgres", folder);
            Run("chmod", "700", folder);
        }

        var cluster = new ThrowawayPostgresCluster(bin, folder, FreePort());
        try
        {
            cluster.RunAsServer(Path.Combine(bin, "initdb"), "-D", cluster.DataFolder, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8");
            cluster.Start();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    private string DataFolder => Path.Combine(_folder, "data");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Starts the server (again), with .ci/postgres-up's options, and waits until it answers.</summary>
    public void Start() => RunAsServer(
        Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {_port.ToString(CultureInfo.InvariantCulture)} -k {Path.Combine(_folder, "socket")} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100",
        "start");

    /// <summary>Stops the server as an administrator would (<c>-m fast</c>): sessions are ended, clients see an outage.</summary>
    public void Stop()
    {
        RunAsServer(Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-w", "-t", "60", "stop", "-m", "fast");
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A database of its own on this cluster; its connection string.</summary>
    public string CreateDatabase(string name)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public void Dispose()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                Stop();
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string? FindBin()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PTA_PG_BIN");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment, "initdb")))
        {
            return fromEnvironment;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderBy(bin => bin, StringComparer.Ordinal)
                .LastOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void RunAsServer(string program, params string[] args) =>
        Run(IsRoot ? "runuser" : program, IsRoot ? ["-u", "postgres", "--", program, .. args] : args);

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        // pg_ctl start leaves the server running with our pipes open: read to the end only what it wrote.
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {error.Result}");
        }
    }
}
