using System.Collections.Concurrent;
using Dapper;

namespace PhysicalTheraPT.Analytics.Data;

/// <summary>
/// The clinics (names, time zones) and providers (names, clinic) of the database, loaded once per run:
/// small tables, which reports and flag reasons look up by id.
/// </summary>
internal sealed class ClinicDirectory : ISqlStatements
{
    private const string ClinicsSql = "SELECT clinic_id AS ClinicId, name AS Name, time_zone AS TimeZone FROM clinics ORDER BY clinic_id";
    private const string ProvidersSql = "SELECT provider_id AS ProviderId, clinic_id AS ClinicId, name AS Name, discipline AS Discipline FROM providers ORDER BY provider_id";

    private readonly Dictionary<string, ClinicRow> _clinicsById;
    private readonly ConcurrentDictionary<string, TimeZoneInfo> _timeZones = new(StringComparer.Ordinal);

    public ClinicDirectory(IEnumerable<ClinicRow> clinics, IEnumerable<ProviderRow> providers)
    {
        // Ordinal order, so every output listing clinics is the same whatever the database's collation.
        Clinics = clinics.OrderBy(clinic => clinic.ClinicId, StringComparer.Ordinal).ToList();
        _clinicsById = Clinics.ToDictionary(clinic => clinic.ClinicId, StringComparer.Ordinal);
        Providers = providers.ToDictionary(provider => provider.ProviderId, StringComparer.Ordinal);
        ProviderNames = Providers.ToDictionary(pair => pair.Key, pair => pair.Value.Name, StringComparer.Ordinal);
    }

    /// <summary>Every clinic, ordered by id (ordinal).</summary>
    public IReadOnlyList<ClinicRow> Clinics { get; }

    public IReadOnlyDictionary<string, ProviderRow> Providers { get; }

    /// <summary>Provider id → name, as the flag reasons name the discharging provider.</summary>
    public IReadOnlyDictionary<string, string> ProviderNames { get; }

    public IReadOnlyList<string> ClinicIds => Clinics.Select(clinic => clinic.ClinicId).ToList();

    public static async Task<ClinicDirectory> LoadAsync(AnalyticsDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var clinics = await connection.QueryAsync<ClinicRow>(new CommandDefinition(ClinicsSql, cancellationToken: cancellationToken));
        var providers = await connection.QueryAsync<ProviderRow>(new CommandDefinition(ProvidersSql, cancellationToken: cancellationToken));
        return new ClinicDirectory(clinics, providers);
    }

    public bool Contains(string clinicId) => _clinicsById.ContainsKey(clinicId);

    /// <summary>
    /// The directory's own string for a clinic id equal to <paramref name="clinicId"/> (the id itself when
    /// unknown), so values kept per patient share one string per clinic instead of one per row read.
    /// </summary>
    public string SharedClinicId(string clinicId) => _clinicsById.TryGetValue(clinicId, out var clinic) ? clinic.ClinicId : clinicId;

    /// <summary>As <see cref="SharedClinicId"/>, for a provider id.</summary>
    public string? SharedProviderId(string? providerId) =>
        providerId is not null && Providers.TryGetValue(providerId, out var provider) ? provider.ProviderId : providerId;

    /// <summary>The clinic, or a message naming the ids there are (an id typed on the command line).</summary>
    public ClinicRow Require(string clinicId)
    {
        if (_clinicsById.TryGetValue(clinicId, out var clinic))
        {
            return clinic;
        }

        var known = Clinics.Count == 0 ? "the database has no clinics yet (import or seed data first)" : "known clinics: " + string.Join(", ", ClinicIds);
        throw new UserInputException($"Unknown clinic '{clinicId}': {known}.");
    }

    /// <summary>The clinic's name for reports; its id when the directory does not know it.</summary>
    public string ClinicNameOrId(string clinicId) =>
        _clinicsById.TryGetValue(clinicId, out var clinic) ? clinic.Name : clinicId;

    /// <summary>
    /// The provider's name for reports: "provider &lt;id&gt;" when the directory does not know it (or it has
    /// no name), null when no provider was recorded.
    /// </summary>
    public string? ProviderNameOrId(string? providerId) =>
        providerId is null
            ? null
            : ProviderNames.TryGetValue(providerId, out var name) && !string.IsNullOrWhiteSpace(name) ? name : "provider " + providerId;

    /// <summary>The clinic's time zone, from its IANA id.</summary>
    public TimeZoneInfo TimeZoneOf(string clinicId)
    {
        var clinic = Require(clinicId);
        if (_timeZones.TryGetValue(clinicId, out var zone))
        {
            return zone;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.TimeZone);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new UserInputException(
                $"Clinic {clinicId} has time zone '{clinic.TimeZone}', which this machine does not know. " +
                "Use an IANA id such as America/Denver in clinics.csv and import it again.",
                exception);
        }

        return _timeZones.GetOrAdd(clinicId, zone);
    }

    /// <summary>Today's date on the clinic's wall clock.</summary>
    public DateOnly TodayIn(string clinicId, TimeProvider timeProvider) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), TimeZoneOf(clinicId)).DateTime);

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        yield return new("clinics", ClinicsSql);
        yield return new("providers", ProvidersSql);
    }
}
