using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;

namespace PhysicalTheraPT.Analytics.Sources.OpenEmr;

/// <summary>
/// OpenEMR's own tables read as the contract's: <c>facility</c> → clinics, <c>users</c> who have
/// appointments → providers, <c>patient_data</c> → patients, <c>openemr_postcalendar_events</c> →
/// appointments (a series expanded into its dates). Only appointments of the categories mapped in
/// <c>ServiceCategories</c> are read, and only the patients and providers they name. Every table is a
/// forward-only stream on the one connection (MySQL runs one reader at a time, so the small lookups are
/// read first, by <see cref="OpenEmrCatalog"/>). Values are handed on typed; the import's checks then
/// judge them like any export.
/// </summary>
internal sealed class OpenEmrTables(DbConnection connection, OpenEmrCatalog catalog, OpenEmrTables.Settings settings)
{
    public static readonly IReadOnlyList<string> ClinicColumns = ["clinic_id", "name", "time_zone"];
    public static readonly IReadOnlyList<string> ProviderColumns = ["provider_id", "clinic_id", "name", "discipline"];
    public static readonly IReadOnlyList<string> PatientColumns =
    [
        "patient_id", "clinic_id", "first_name", "last_name", "birth_date", "phone", "email", "preferred_channel", "do_not_contact",
        "deceased_on", "allow_phone", "allow_sms", "allow_email",
    ];

    public static readonly IReadOnlyList<string> AppointmentColumns =
    [
        "appointment_id", "patient_id", "clinic_id", "provider_id", "episode_id", "service", "starts_at", "status", "booked_at",
    ];

    /// <summary>
    /// Facilities that are service locations, and any other an appointment is at or a provider of one
    /// belongs to (appointments and providers refer to them).
    /// </summary>
    public async IAsyncEnumerable<object?[]> ClinicsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT f.id AS Id, f.name AS Name
            FROM facility f
            WHERE f.service_location = 1
               OR f.id IN (SELECT e.pc_facility FROM openemr_postcalendar_events e WHERE e.pc_catid IN @Categories)
               OR f.id IN (SELECT u.facility_id FROM users u JOIN openemr_postcalendar_events e ON e.pc_aid = u.id WHERE e.pc_catid IN @Categories)
            ORDER BY f.id
            """;
        await foreach (var facility in Query<FacilityRow>(sql, cancellationToken))
        {
            var name = string.IsNullOrWhiteSpace(facility.Name) ? $"Facility {facility.Id}" : facility.Name;
            yield return [Id(facility.Id), name, settings.TimeZone];
        }
    }

    /// <summary>
    /// Users with appointments of the mapped categories. OpenEMR records no discipline: a provider is a
    /// massage therapist when most of their appointments are massage, else a physical therapist, unless
    /// <c>ProviderDisciplines</c> names their username. Their clinic is their default facility, or the
    /// facility of their appointments when that is not set.
    /// </summary>
    public async IAsyncEnumerable<object?[]> ProvidersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT u.id AS Id, u.username AS Username, u.fname AS FirstName, u.lname AS LastName,
                   COALESCE(uf.id, MIN(e.pc_facility)) AS FacilityId, e.pc_catid AS CategoryId, COUNT(*) AS Events
            FROM openemr_postcalendar_events e
            JOIN users u ON u.id = e.pc_aid
            LEFT JOIN facility uf ON uf.id = u.facility_id
            WHERE e.pc_catid IN @Categories
            GROUP BY u.id, u.username, u.fname, u.lname, uf.id, e.pc_catid
            ORDER BY u.id
            """;
        ProviderRow? current = null;
        long massage = 0, physicalTherapy = 0;
        await foreach (var row in Query<ProviderRow>(sql, cancellationToken))
        {
            if (current is not null && current.Id != row.Id)
            {
                yield return Provider(current, massage, physicalTherapy);
                massage = physicalTherapy = 0;
            }

            current = row;
            if (catalog.ServiceOf(row.CategoryId) == "pt")
            {
                physicalTherapy += row.Events;
            }
            else
            {
                massage += row.Events;
            }
        }

        if (current is not null)
        {
            yield return Provider(current, massage, physicalTherapy);
        }
    }

    /// <summary>
    /// Patients with appointments of the mapped categories. Their clinic is the facility of their latest
    /// appointment (OpenEMR keeps no home facility). Consent: <c>hipaa_voice</c>, <c>hipaa_allowsms</c>
    /// and <c>hipaa_allowemail</c> say YES or NO; NO forbids the channel, YES or blank (never asked) allows
    /// it, as the contract reads a blank. OpenEMR itself stores NO for SMS and email until someone says yes.
    /// </summary>
    public async IAsyncEnumerable<object?[]> PatientsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT p.pid AS Pid, p.fname AS FirstName, p.lname AS LastName, CAST(p.DOB AS CHAR) AS BirthDate,
                   p.phone_cell AS PhoneCell, p.phone_home AS PhoneHome, p.phone_biz AS PhoneWork, p.email AS Email,
                   p.hipaa_voice AS HipaaVoice, p.hipaa_allowsms AS HipaaAllowSms, p.hipaa_allowemail AS HipaaAllowEmail,
                   CAST(p.deceased_date AS CHAR) AS DeceasedDate, home.FacilityId
            FROM (SELECT e.pc_pid AS PatientRef,
                         SUBSTRING_INDEX(GROUP_CONCAT(COALESCE(f.id, u.facility_id) ORDER BY e.pc_eventDate DESC, e.pc_eid DESC), ',', 1) AS FacilityId
                  FROM openemr_postcalendar_events e
                  LEFT JOIN facility f ON f.id = e.pc_facility
                  LEFT JOIN users u ON u.id = e.pc_aid
                  WHERE e.pc_catid IN @Categories AND e.pc_pid <> ''
                  GROUP BY e.pc_pid) AS home
            JOIN patient_data p ON p.pid = home.PatientRef
            ORDER BY p.pid
            """;
        await foreach (var patient in Query<PatientRow>(sql, cancellationToken))
        {
            yield return
            [
                Id(patient.Pid), patient.FacilityId, patient.FirstName, patient.LastName, DateOf(patient.BirthDate),
                FirstNonBlank(patient.PhoneCell, patient.PhoneHome, patient.PhoneWork), Blank(patient.Email), null, false,
                DateOf(patient.DeceasedDate), Allows(patient.HipaaVoice), Allows(patient.HipaaAllowSms), Allows(patient.HipaaAllowEmail),
            ];
        }
    }

    /// <summary>
    /// Appointments of the mapped categories at the event's facility (the provider's when the event names
    /// none). A single appointment keeps its <c>pc_eid</c> as its id; a series becomes one appointment per
    /// date, <c>&lt;pc_eid&gt;-&lt;yyyyMMdd&gt;</c>, stable from one sync to the next, each with the
    /// series' status, up to the series' end or the horizon.
    /// </summary>
    public async IAsyncEnumerable<object?[]> AppointmentsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT e.pc_eid AS EventId, p.pid AS Pid, u.id AS ProviderId, e.pc_catid AS CategoryId,
                   COALESCE(f.id, u.facility_id) AS FacilityId, CAST(e.pc_eventDate AS CHAR) AS EventDate,
                   CAST(e.pc_endDate AS CHAR) AS EndDate, CAST(e.pc_startTime AS CHAR) AS StartTime,
                   e.pc_recurrtype AS RecurrenceType, e.pc_recurrspec AS RecurrenceSpec, e.pc_apptstatus AS Status
            FROM openemr_postcalendar_events e
            JOIN patient_data p ON p.pid = e.pc_pid
            LEFT JOIN users u ON u.id = e.pc_aid
            LEFT JOIN facility f ON f.id = e.pc_facility
            WHERE e.pc_catid IN @Categories
            ORDER BY e.pc_eid
            """;
        await foreach (var appointment in Query<EventRow>(sql, cancellationToken))
        {
            var service = catalog.ServiceOf(appointment.CategoryId);
            var status = catalog.Statuses.Map(appointment.Status.Trim());
            var start = DateOf(appointment.EventDate)
                ?? throw new UserInputException($"OpenEMR event {appointment.EventId} has no date (pc_eventDate). Fix or delete it in OpenEMR, then sync again.");
            var time = TimeOnly.TryParse(appointment.StartTime, CultureInfo.InvariantCulture, out var parsed) ? parsed : TimeOnly.MinValue;
            if (appointment.RecurrenceType == 0)
            {
                yield return Appointment(Id(appointment.EventId), appointment, service, start.ToDateTime(time), status);
                continue;
            }

            var recurrence = OpenEmrRecurrence.Parse(appointment.EventId, appointment.RecurrenceType, appointment.RecurrenceSpec);
            foreach (var date in recurrence?.Occurrences(start, DateOf(appointment.EndDate), settings.Horizon) ?? [])
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{appointment.EventId}-{date:yyyyMMdd}");
                yield return Appointment(id, appointment, service, date.ToDateTime(time), status);
            }
        }
    }

    private static object?[] Appointment(string id, EventRow appointment, string service, DateTime startsAt, string status) =>
        [id, Id(appointment.Pid), appointment.FacilityId is { } facility ? Id(facility) : null, appointment.ProviderId is { } provider ? Id(provider) : null,
            null, service, startsAt, status, null];

    private object?[] Provider(ProviderRow provider, long massage, long physicalTherapy)
    {
        var discipline = provider.Username is not null && settings.ProviderDisciplines.TryGetValue(provider.Username, out var configured)
            ? configured
            : massage > physicalTherapy ? "massage_therapy" : "physical_therapy";
        var name = $"{provider.FirstName} {provider.LastName}".Trim();
        return [Id(provider.Id), provider.FacilityId is { } facility ? Id(facility) : null, name.Length > 0 ? name : provider.Username, discipline];
    }

    private async IAsyncEnumerable<TRow> Query<TRow>(string sql, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var command = new CommandDefinition(sql, new { Categories = catalog.CategoryIds }, commandTimeout: settings.CommandTimeoutSeconds, cancellationToken: cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(command, CommandBehavior.SingleResult);
        var parse = reader.GetRowParser<TRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return parse(reader);
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A DATE or DATETIME as MySQL writes it; blank, zero ("0000-00-00") or NULL is no date.</summary>
    private static DateOnly? DateOf(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static bool Allows(string? answer) => !string.Equals(answer?.Trim(), "NO", StringComparison.OrdinalIgnoreCase);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));

    /// <summary>What OpenEMR cannot say: the clinics' zone, the horizon of open series, disciplines.</summary>
    internal sealed record Settings(string TimeZone, DateOnly Horizon, IReadOnlyDictionary<string, string> ProviderDisciplines, int CommandTimeoutSeconds);

    // Rows as classes with settable properties: Dapper converts MySQL's int, unsigned and bigint columns to
    // these types for properties, where a constructor would have to match each column's type exactly.
    private sealed class FacilityRow
    {
        public long Id { get; init; }

        public string? Name { get; init; }
    }

    private sealed class ProviderRow
    {
        public long Id { get; init; }

        public string? Username { get; init; }

        public string? FirstName { get; init; }

        public string? LastName { get; init; }

        public long? FacilityId { get; init; }

        public long CategoryId { get; init; }

        public long Events { get; init; }
    }

    private sealed class PatientRow
    {
        public long Pid { get; init; }

        public string? FirstName { get; init; }

        public string? LastName { get; init; }

        public string? BirthDate { get; init; }

        public string? PhoneCell { get; init; }

        public string? PhoneHome { get; init; }

        public string? PhoneWork { get; init; }

        public string? Email { get; init; }

        public string? HipaaVoice { get; init; }

        public string? HipaaAllowSms { get; init; }

        public string? HipaaAllowEmail { get; init; }

        public string? DeceasedDate { get; init; }

        public string? FacilityId { get; init; }
    }

    private sealed class EventRow
    {
        public long EventId { get; init; }

        public long Pid { get; init; }

        public long? ProviderId { get; init; }

        public long CategoryId { get; init; }

        public long? FacilityId { get; init; }

        public string? EventDate { get; init; }

        public string? EndDate { get; init; }

        public string? StartTime { get; init; }

        public int RecurrenceType { get; init; }

        public string? RecurrenceSpec { get; init; }

        public string Status { get; init; } = "-";
    }
}
