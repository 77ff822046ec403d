using System.Globalization;
using Dapper;
using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// Reads what the Outreach sheet counts for a span of days (all clinics, or one clinic): the items
/// listed or contacted in it, the outcomes recorded in it, and the maintenance bookings of the patients
/// contacted, each booking dated on its clinic's calendar.
/// </summary>
internal sealed class OutreachActivityReader : ISqlStatements
{
    private const string ListingsSql = """
        SELECT i.item_id AS ItemId, i.clinic_id AS ClinicId, i.patient_id AS PatientId, i.first_listed AS FirstListed,
               (SELECT MIN(f.outcome_on) FROM outreach_outcomes f WHERE f.item_id = i.item_id) AS FirstContactOn
        FROM outreach_items i
        WHERE {0}
          ((i.first_listed >= @From AND i.first_listed < @AsOf)
           OR EXISTS (SELECT 1 FROM outreach_outcomes o WHERE o.item_id = i.item_id AND o.outcome_on >= @From AND o.outcome_on < @AsOf))
        """;

    private const string ContactsSql = """
        SELECT o.item_id AS ItemId, o.clinic_id AS ClinicId, o.patient_id AS PatientId, o.outcome AS Outcome,
               o.outcome_on AS OutcomeOn, o.staff_initials AS StaffInitials
        FROM outreach_outcomes o
        WHERE {0} o.outcome_on >= @From AND o.outcome_on < @AsOf
        """;

    // booked_at is UTC; a day either side of the span is read and each booking dated in its clinic's zone.
    private const string BookingsSql = """
        SELECT a.patient_id, a.clinic_id, a.booked_at
        FROM appointments a
        WHERE a.service = 'maintenance_massage'
          AND a.status IN ('booked', 'completed')
          AND a.booked_at >= @BookedFrom
          AND a.patient_id IN (
              SELECT o.patient_id FROM outreach_outcomes o
              WHERE {0} o.outcome_on >= @From AND o.outcome_on < @AsOf)
        """;

    public static async Task<OutreachActivity> ReadAsync(
        AnalyticsDatabase database, ClinicDirectory clinics, string? clinicId, DateOnly from, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clinics);
        var parameters = new
        {
            ClinicId = clinicId ?? "",
            From = from,
            AsOf = asOf,
            BookedFrom = DateTime.SpecifyKind(from.AddDays(-1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc),
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        var listings = await connection.QueryAsync<ListingRow>(new CommandDefinition(Sql(ListingsSql, clinicId, "i"), parameters, cancellationToken: cancellationToken));
        var contacts = await connection.QueryAsync<ContactRow>(new CommandDefinition(Sql(ContactsSql, clinicId, "o"), parameters, cancellationToken: cancellationToken));

        var bookings = new List<MaintenanceBooking>();
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(Sql(BookingsSql, clinicId, "o"), parameters, cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var bookedAt = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc);
                var local = TimeZoneInfo.ConvertTimeFromUtc(bookedAt, clinics.TimeZoneOf(reader.GetString(1)));
                bookings.Add(new MaintenanceBooking(reader.GetString(0), DateOnly.FromDateTime(local)));
            }
        }

        return new OutreachActivity(
            [.. listings.Select(row => new OutreachListing(row.ItemId, row.ClinicId, row.PatientId, row.FirstListed, row.FirstContactOn))],
            [.. contacts.Select(row => row.ToContact())],
            bookings);
    }

    public IEnumerable<KeyValuePair<string, string>> StatementsFor(SqlDialect dialect)
    {
        foreach (var (name, sql, alias) in new[] { ("listings", ListingsSql, "i"), ("contacts", ContactsSql, "o"), ("bookings", BookingsSql, "o") })
        {
            yield return new(name, Sql(sql, null, alias));
            yield return new(name + ".clinic", Sql(sql, "clinic", alias));
        }
    }

    /// <summary>The statement for all clinics, or with the clinic condition on the table <paramref name="alias"/>.</summary>
    private static string Sql(string template, string? clinicId, string alias) =>
        string.Format(CultureInfo.InvariantCulture, template, clinicId is null ? "" : alias + ".clinic_id = @ClinicId AND");

    private sealed class ListingRow
    {
        public string ItemId { get; init; } = "";

        public string ClinicId { get; init; } = "";

        public string PatientId { get; init; } = "";

        public DateOnly FirstListed { get; init; }

        public DateOnly? FirstContactOn { get; init; }
    }

    private sealed class ContactRow
    {
        public string ItemId { get; init; } = "";

        public string ClinicId { get; init; } = "";

        public string PatientId { get; init; } = "";

        public string Outcome { get; init; } = "";

        public DateOnly OutcomeOn { get; init; }

        public string StaffInitials { get; init; } = "";

        public OutreachContact ToContact() => new(
            ItemId, ClinicId, PatientId,
            OutreachOutcomeNames.TryParse(Outcome, out var outcome) ? outcome.Value : throw new InvalidOperationException($"outreach_outcomes.outcome '{Outcome}' is not an outcome."),
            OutcomeOn, StaffInitials);
    }
}

/// <summary>Everything the Outreach sheet is computed from, for a scope and a span of months.</summary>
internal sealed record OutreachActivity(
    IReadOnlyList<OutreachListing> Listings,
    IReadOnlyList<OutreachContact> Contacts,
    IReadOnlyList<MaintenanceBooking> Bookings);

/// <summary>An item as the Outreach sheet counts it: when it was listed and when front desk first recorded an outcome for it.</summary>
internal sealed record OutreachListing(string ItemId, string ClinicId, string PatientId, DateOnly FirstListed, DateOnly? FirstContactOn);

/// <summary>A recorded outcome as the Outreach sheet counts it: who called whom, when, and what happened.</summary>
internal sealed record OutreachContact(string ItemId, string ClinicId, string PatientId, OutreachOutcome Outcome, DateOnly On, string StaffInitials);

/// <summary>A maintenance appointment (booked or kept) and the clinic-local day it was booked on.</summary>
internal sealed record MaintenanceBooking(string PatientId, DateOnly BookedOn);
