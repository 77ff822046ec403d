using System.Data.Common;
using MySqlConnector;
using PhysicalTheraPT.Analytics.Import;

namespace PhysicalTheraPT.Analytics.Sources.OpenEmr;

/// <summary>
/// <c>openemr</c>: OpenEMR's own MySQL/MariaDB tables, read-only, with the settings for what OpenEMR cannot
/// say: the clinics' <c>TimeZone</c>, which appointment categories are which service
/// (<c>ServiceCategories</c>), what the clinic's own status codes mean (<c>Statuses</c>, over the stock
/// defaults of <see cref="OpenEmrStatuses"/>), how far ahead an open-ended series is expanded
/// (<c>RecurrenceHorizonDays</c>) and, optionally, <c>ProviderDisciplines</c>. OpenEMR has no episodes:
/// the implicit-episode rules apply. docs/sources.md has the example.
/// </summary>
internal sealed class OpenEmrSourceKind(TimeProvider time) : ISourceKind
{
    public string Kind => SourceKinds.OpenEmr;

    public void Validate(SourceOptions source, int index)
    {
        var at = $"Sources:{index}";
        if (source.Provider is not null && !source.Provider.Equals("mysql", StringComparison.OrdinalIgnoreCase))
        {
            throw new UserInputException($"{at}:Provider is '{source.Provider}'; an openemr source is always mysql (MySQL or MariaDB): leave it out or set mysql.");
        }

        if (string.IsNullOrWhiteSpace(source.ConnectionString))
        {
            throw new UserInputException($"{at}:ConnectionString is not set. Give OpenEMR's database (e.g. Server=...;Database=openemr;User ID=...); a user that may only SELECT is enough.");
        }

        if (source.CommandTimeoutSeconds < 1)
        {
            throw new UserInputException($"{at}:CommandTimeoutSeconds must be 1 or more (default 600).");
        }

        ClinicTimeZone(source, at);
        if (source.ServiceCategories.Count == 0)
        {
            throw new UserInputException(
                $"{at}:ServiceCategories is empty. Name OpenEMR's appointment categories that are physical therapy or massage, "
                + "e.g. \"ServiceCategories\": { \"PT Treatment\": \"pt\", \"Maintenance Massage\": \"maintenance_massage\" }.");
        }

        foreach (var (category, service) in source.ServiceCategories)
        {
            OpenEmrCatalog.Service(service, $"{at}:ServiceCategories:{category}");
        }

        foreach (var (username, discipline) in source.ProviderDisciplines)
        {
            _ = Discipline(discipline, $"{at}:ProviderDisciplines:{username}");
        }

        if (source.RecurrenceHorizonDays < 1)
        {
            throw new UserInputException($"{at}:RecurrenceHorizonDays must be 1 or more (default 180).");
        }

        _ = new OpenEmrStatuses(source.Statuses, $"{at}:Statuses");
    }

    public async Task<IClinicDataSource> OpenAsync(SourceOptions source, CancellationToken cancellationToken)
    {
        var setting = $"source {source.Name}'s";
        var statuses = new OpenEmrStatuses(source.Statuses, $"{setting} Statuses");
        var timeZone = ClinicTimeZone(source, $"source {source.Name}");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), timeZone).DateTime);
        var disciplines = source.ProviderDisciplines.ToDictionary(
            pair => pair.Key.Trim(), pair => Discipline(pair.Value, $"{setting} ProviderDisciplines:{pair.Key}"), StringComparer.OrdinalIgnoreCase);
        var settings = new OpenEmrTables.Settings(timeZone.Id, today.AddDays(source.RecurrenceHorizonDays), disciplines, source.CommandTimeoutSeconds);

        var connection = new MySqlConnection(source.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var catalog = await OpenEmrCatalog.LoadAsync(connection, source.ServiceCategories, $"{setting} ServiceCategories", statuses, cancellationToken);
            return new OpenEmrSource(connection, new OpenEmrTables(connection, catalog, settings));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static TimeZoneInfo ClinicTimeZone(SourceOptions source, string at)
    {
        if (string.IsNullOrWhiteSpace(source.TimeZone))
        {
            throw new UserInputException($"{at}:TimeZone is not set. OpenEMR records no time zone for its facilities: give theirs as an IANA id, e.g. America/Denver.");
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(source.TimeZone.Trim(), out var zone) && zone.HasIanaId
            ? zone
            : throw new UserInputException($"{at}:TimeZone '{source.TimeZone}' is not an IANA time zone id this machine knows (e.g. America/Denver, Europe/Berlin).");
    }

    private static string Discipline(string value, string setting) =>
        new[] { "physical_therapy", "massage_therapy" }.FirstOrDefault(name => name.Equals(value?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new UserInputException($"{setting} is '{value}'; it must be physical_therapy or massage_therapy.");

    /// <summary>The opened source: one connection, the contract's tables in the order the sync asks for them.</summary>
    private sealed class OpenEmrSource(DbConnection connection, OpenEmrTables tables) : IClinicDataSource
    {
        public Task<SourceTable?> OpenTableAsync(ContractFile table, CancellationToken cancellationToken) =>
            Task.FromResult<SourceTable?>(
                table == ContractFile.Clinics ? SourceTable.FromRows(OpenEmrTables.ClinicColumns, tables.ClinicsAsync(cancellationToken))
                : table == ContractFile.Providers ? SourceTable.FromRows(OpenEmrTables.ProviderColumns, tables.ProvidersAsync(cancellationToken))
                : table == ContractFile.Patients ? SourceTable.FromRows(OpenEmrTables.PatientColumns, tables.PatientsAsync(cancellationToken))
                : table == ContractFile.Appointments ? SourceTable.FromRows(OpenEmrTables.AppointmentColumns, tables.AppointmentsAsync(cancellationToken))
                : null);

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
