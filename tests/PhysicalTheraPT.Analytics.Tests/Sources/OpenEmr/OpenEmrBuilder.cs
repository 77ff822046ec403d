using System.Globalization;
using Dapper;

namespace PhysicalTheraPT.Analytics.Tests.Sources.OpenEmr;

/// <summary>
/// Fills OpenEMR's own tables (<see cref="OpenEmrDatabase"/>) the way OpenEMR's screens would, with
/// defaults so a test states only what matters: facility 1, provider 1 of facility 1, patients who
/// allow every channel, appointments at 09:00 marked <c>@</c> (arrived) in facility 1 with provider 1.
/// A series is one row with its <c>pc_recurrtype</c> and <c>pc_recurrspec</c> (<see cref="RecurrenceSpecText"/>),
/// as OpenEMR stores it.
/// </summary>
internal sealed class OpenEmrBuilder
{
    private readonly List<(string Sql, object Row)> _inserts = [];

    public OpenEmrBuilder Facility(int id, string? name = null, bool serviceLocation = true)
    {
        _inserts.Add(("INSERT INTO facility (id, name, service_location) VALUES (@id, @name, @serviceLocation)",
            new { id, name = name ?? $"Facility {id}", serviceLocation }));
        return this;
    }

    public OpenEmrBuilder Provider(long id, int facilityId = 1, string? username = null, string firstName = "Dana", string lastName = "Ruiz")
    {
        _inserts.Add(("INSERT INTO users (id, username, fname, lname, facility_id, authorized, calendar) VALUES (@id, @username, @firstName, @lastName, @facilityId, 1, 1)",
            new { id, username = username ?? $"provider{id}", firstName, lastName, facilityId }));
        return this;
    }

    /// <summary>The hipaa_* values are OpenEMR's own: YES, NO or blank (never asked).</summary>
    public OpenEmrBuilder Patient(
        long pid,
        string firstName = "Test",
        string lastName = "Patient",
        string? birthDate = null,
        string phoneCell = "555-0100",
        string phoneHome = "",
        string email = "patient@example.com",
        string hipaaVoice = "YES",
        string hipaaAllowSms = "YES",
        string hipaaAllowEmail = "YES",
        string? deceasedDate = null,
        string? pubpid = null)
    {
        _inserts.Add((
            "INSERT INTO patient_data (pid, pubpid, fname, lname, DOB, phone_cell, phone_home, email, hipaa_voice, hipaa_allowsms, hipaa_allowemail, deceased_date) "
            + "VALUES (@pid, @pubpid, @firstName, @lastName, @birthDate, @phoneCell, @phoneHome, @email, @hipaaVoice, @hipaaAllowSms, @hipaaAllowEmail, @deceasedDate)",
            new
            {
                pid, pubpid = pubpid ?? pid.ToString(CultureInfo.InvariantCulture), firstName, lastName, birthDate, phoneCell, phoneHome, email,
                hipaaVoice, hipaaAllowSms, hipaaAllowEmail, deceasedDate,
            }));
        return this;
    }

    /// <summary>An appointment category (<c>pc_cattype</c> 0: booked for a patient).</summary>
    public OpenEmrBuilder Category(int id, string name)
    {
        _inserts.Add(("INSERT INTO openemr_postcalendar_categories (pc_catid, pc_constant_id, pc_catname, pc_cattype) VALUES (@id, @constantId, @name, 0)",
            new { id, constantId = $"test_category_{id}", name }));
        return this;
    }

    /// <summary>A code the clinic added to its list of appointment statuses (list 'apptstat').</summary>
    public OpenEmrBuilder StatusOption(string code, string title)
    {
        _inserts.Add(("INSERT INTO list_options (list_id, option_id, title, seq) VALUES ('apptstat', @code, @title, 100)", new { code, title }));
        return this;
    }

    /// <summary><paramref name="startsAt"/>: <c>YYYY-MM-DD</c> (09:00) or <c>YYYY-MM-DD HH:MM</c>.</summary>
    public OpenEmrBuilder Appointment(long eventId, long pid, int categoryId, string startsAt, string status = "@", long? providerId = 1, int facilityId = 1) =>
        Event(eventId, pid, categoryId, startsAt, null, 0, null, status, providerId, facilityId);

    /// <summary>A recurring series: one row from <paramref name="startsAt"/> to <paramref name="endDate"/> (null: no end).</summary>
    public OpenEmrBuilder Series(
        long eventId, long pid, int categoryId, string startsAt, string? endDate, int recurrenceType, string spec, string status = "-", long? providerId = 1, int facilityId = 1) =>
        Event(eventId, pid, categoryId, startsAt, endDate, recurrenceType, spec, status, providerId, facilityId);

    public async Task WriteAsync(OpenEmrDatabase database)
    {
        await using var connection = await database.OpenAsync();
        foreach (var (sql, row) in _inserts)
        {
            await connection.ExecuteAsync(sql, row);
        }
    }

    private OpenEmrBuilder Event(
        long eventId, long pid, int categoryId, string startsAt, string? endDate, int recurrenceType, string? spec, string status, long? providerId, int facilityId)
    {
        var start = DateTime.Parse(startsAt.Length == 10 ? startsAt + " 09:00" : startsAt, CultureInfo.InvariantCulture);
        _inserts.Add((
            "INSERT INTO openemr_postcalendar_events (pc_eid, pc_catid, pc_multiple, pc_aid, pc_pid, pc_title, pc_time, pc_eventDate, pc_endDate, "
            + "pc_duration, pc_recurrtype, pc_recurrspec, pc_startTime, pc_endTime, pc_eventstatus, pc_apptstatus, pc_facility) "
            + "VALUES (@eventId, @categoryId, 0, @providerId, @pid, 'Visit', NOW(), @eventDate, @endDate, 1800, @recurrenceType, @spec, @startTime, @endTime, 1, @status, @facilityId)",
            new
            {
                eventId, categoryId, providerId = providerId?.ToString(CultureInfo.InvariantCulture), pid = pid.ToString(CultureInfo.InvariantCulture),
                eventDate = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), endDate, recurrenceType,
                spec = spec ?? RecurrenceSpecText.Serialize(("event_repeat_freq", ""), ("event_repeat_freq_type", ""), ("event_repeat_on_num", "1"),
                    ("event_repeat_on_day", "0"), ("event_repeat_on_freq", "0"), ("exdate", "")),
                startTime = start.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                endTime = start.AddMinutes(30).ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                status, facilityId,
            }));
        return this;
    }
}
