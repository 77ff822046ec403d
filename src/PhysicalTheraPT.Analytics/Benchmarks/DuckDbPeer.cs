using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using DuckDB.NET.Data;
using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Benchmarks;

/// <summary>
/// The benchmark's DuckDB peer: what a capable analyst would run instead of the product, on the same data.
/// This file copies the benchmark database (SQLite, PostgreSQL or SQL Server) into a DuckDB file of its
/// own, once and untimed as seeding is; <see cref="DuckDbFlagsQuery"/> is the flags rules as one SQL query
/// over that copy. Only the tables and columns the flags rules read are copied, dates as day numbers.
/// </summary>
/// <remarks>
/// DuckDB's sqlite_scanner and postgres_scanner extensions would read the database directly, but they are
/// downloaded on first use, which an offline machine cannot: the rows come through Dapper unbuffered, the
/// same row classes the product reads with (so every date is converted the same way), and go in through
/// DuckDB's appender. Appointments are numbered in the engine's reading order (patient, starts_at,
/// appointment_id, in the product database's own collation), so "the last visit" means the same row in
/// both.
/// </remarks>
internal sealed class DuckDbPeer : ISqlStatements
{
    private const string PatientsSql =
        "SELECT patient_id AS PatientId, clinic_id AS ClinicId, do_not_contact AS DoNotContact, deceased_on AS DeceasedOn, " +
        "allow_phone AS AllowPhone, allow_sms AS AllowSms, allow_email AS AllowEmail FROM patients";

    private const string EpisodesSql =
        "SELECT episode_id AS EpisodeId, patient_id AS PatientId, clinic_id AS ClinicId, started_on AS StartedOn, " +
        "discharged_on AS DischargedOn, discharge_reason AS DischargeReason, maintenance_interval_days AS MaintenanceIntervalDays FROM episodes";

    private const string ProvidersSql = "SELECT provider_id AS ProviderId, name AS Name FROM providers";

    private const string Schema = """
        CREATE TABLE patients (patient_id VARCHAR, clinic_id VARCHAR, do_not_contact BOOLEAN, deceased_on INTEGER,
                               allow_phone BOOLEAN, allow_sms BOOLEAN, allow_email BOOLEAN);
        CREATE TABLE episodes (episode_id VARCHAR, patient_id VARCHAR, started_on INTEGER, discharged_on INTEGER,
                               discharge_reason VARCHAR, maintenance_interval_days INTEGER);
        CREATE TABLE appointments (seq BIGINT, patient_id VARCHAR, provider_id VARCHAR, episode_id VARCHAR,
                                   service VARCHAR, day INTEGER, status VARCHAR);
        CREATE TABLE providers (provider_id VARCHAR, name VARCHAR);
        CREATE TABLE copied_counts (clinics BIGINT, patients BIGINT, appointments BIGINT);
        """;

    /// <summary>
    /// The peer's file for <paramref name="database"/> in <paramref name="directory"/>: one per database
    /// (named by a hash of its description, which holds no password), so two benchmark databases never share a copy.
    /// </summary>
    public static string PathFor(AnalyticsDatabase database, string directory)
    {
        ArgumentNullException.ThrowIfNull(database);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(database.Description)))[..12];
        return Path.Combine(directory, $"duckdb-peer-{database.Dialect.Name}-{hash}.duckdb");
    }

    /// <summary>
    /// Makes <paramref name="path"/> hold a copy of <paramref name="database"/>: kept when it holds as many
    /// clinics, patients and appointments as the database does now, otherwise written anew (into a
    /// temporary file moved into place, so an interrupted copy leaves nothing half-written). True when it copied.
    /// </summary>
    public static async Task<bool> EnsureCopyAsync(AnalyticsDatabase database, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var counts = await ClinicDataCounter.CountAsync(database, cancellationToken);
        if (File.Exists(path) && HoldsCounts(path, counts))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".copying";
        File.Delete(temporary);
        try
        {
            using (var duck = Open(temporary))
            {
                Execute(duck, Schema);
                await using var source = await database.OpenAsync(cancellationToken);
                await CopyAsync(source, new PatientHistoryReader(database), duck, cancellationToken);
                Execute(duck, $"INSERT INTO copied_counts VALUES ({counts.Clinics}, {counts.Patients}, {counts.Appointments}); CHECKPOINT;");
            }

            File.Move(temporary, path, overwrite: true);
            File.Delete(path + ".wal");
            return true;
        }
        finally
        {
            File.Delete(temporary);
            File.Delete(temporary + ".wal");
        }
    }

    /// <summary>
    /// The <c>duckdb</c> bench stage: the copy brought up to date (untimed), the query's flags checked equal
    /// to the engine's for the same as-of date (a user error naming what differs when they are not), then the
    /// query alone on one open connection, each run. The check is the process's first run of the query,
    /// and its time goes into the note. Rows = appointments in the database.
    /// </summary>
    public static async Task<(Func<Task<long>> Run, string Note)> PrepareStageAsync(
        AnalyticsDatabase database, RetentionAnalysis analysis, RetentionOptions options, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var path = PathFor(database, directory);
        var copied = await EnsureCopyAsync(database, path, cancellationToken);
        var appointments = (await ClinicDataCounter.CountAsync(database, cancellationToken)).Appointments;
        var asOf = BenchDataset.Until.AddDays(1);
        var engine = await analysis.FlagsAsync(asOf, null, cancellationToken: cancellationToken);

        var connection = Open(path);
        var first = Stopwatch.StartNew();
        var peer = DuckDbFlagsQuery.Run(connection, asOf, options);
        var firstSeconds = first.Elapsed.TotalSeconds;
        if (DuckDbFlagsQuery.Difference(engine.Flags, peer, asOf) is { } difference)
        {
            throw new UserInputException(difference);
        }

        var note = string.Create(CultureInfo.InvariantCulture,
            $"the flags rules as one SQL query in DuckDB over its own copy ({(copied ? "copied now" : "kept")}, untimed); {peer.Count:N0} flags as of {asOf:yyyy-MM-dd}, equal to the engine's; first run in the process {firstSeconds:0.000} s; rows = appointments in the database");
        return (() =>
        {
            DuckDbFlagsQuery.Run(connection, asOf, options);
            return Task.FromResult(appointments);
        }, note);
    }

    public static DuckDBConnection Open(string path)
    {
        var connection = new DuckDBConnection("Data Source=" + path);
        connection.Open();
        return connection;
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("peer patients", PatientsSql);
        yield return new("peer episodes", EpisodesSql);
        yield return new("peer providers", ProvidersSql);
    }

    private static async Task CopyAsync(
        System.Data.Common.DbConnection source, PatientHistoryReader histories, DuckDBConnection duck, CancellationToken cancellationToken)
    {
        using (var appender = duck.CreateAppender("patients"))
        {
            await foreach (var row in source.QueryRowsAsync<RetentionPatientRow>(PatientsSql, null, cancellationToken))
            {
                appender.CreateRow().AppendValue(row.PatientId).AppendValue(row.ClinicId).AppendValue(row.DoNotContact)
                    .AppendValue(row.DeceasedOn?.DayNumber).AppendValue(row.AllowPhone).AppendValue(row.AllowSms).AppendValue(row.AllowEmail)
                    .EndRow();
            }
        }

        using (var appender = duck.CreateAppender("episodes"))
        {
            await foreach (var row in source.QueryRowsAsync<RetentionEpisodeRow>(EpisodesSql, null, cancellationToken))
            {
                appender.CreateRow().AppendValue(row.EpisodeId).AppendValue(row.PatientId).AppendValue(row.StartedOn.DayNumber)
                    .AppendValue(row.DischargedOn?.DayNumber).AppendValue(row.DischargeReason).AppendValue(row.MaintenanceIntervalDays)
                    .EndRow();
            }
        }

        using (var appender = duck.CreateAppender("appointments"))
        {
            var seq = 0L;
            // The engine's own stream (the floor's read), so the order and the day of each visit are the engine's.
            await foreach (var row in histories.ReadAppointmentRowsAsync(clinicId: null, cancellationToken))
            {
                appender.CreateRow().AppendValue(seq++).AppendValue(row.PatientId).AppendValue(row.ProviderId).AppendValue(row.EpisodeId)
                    .AppendValue(row.Service).AppendValue(row.StartsOnDay).AppendValue(row.Status)
                    .EndRow();
            }
        }

        using (var appender = duck.CreateAppender("providers"))
        {
            foreach (var (providerId, name) in await source.QueryAsync<(string, string?)>(new CommandDefinition(ProvidersSql, cancellationToken: cancellationToken)))
            {
                appender.CreateRow().AppendValue(providerId).AppendValue(name).EndRow();
            }
        }
    }

    private static bool HoldsCounts(string path, ClinicDataCounts counts)
    {
        try
        {
            using var duck = Open(path);
            using var command = duck.CreateCommand();
            command.CommandText = "SELECT clinics, patients, appointments FROM copied_counts";
            using var reader = command.ExecuteReader();
            return reader.Read()
                && reader.GetInt64(0) == counts.Clinics && reader.GetInt64(1) == counts.Patients && reader.GetInt64(2) == counts.Appointments;
        }
        catch (DuckDBException)
        {
            // A file an older version of the peer wrote, or not a DuckDB file at all: copied anew.
            return false;
        }
    }

    private static void Execute(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
