using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Computes the Outreach sheet from what front desk recorded and the bookings the clinic data holds,
/// free of I/O. Everything is counted as known before the as-of date. A patient counts once per month
/// in each number, however many calls they had.
/// </summary>
internal static class OutreachReportBuilder
{
    /// <param name="months">The trend months, oldest first; the last is the report month.</param>
    /// <param name="clinics">Every clinic in scope, id and name, in the order to show them.</param>
    public static OutreachReport Build(
        OutreachActivity activity, IReadOnlyList<CalendarMonth> months, DateOnly asOf, OutreachOptions options, IReadOnlyList<(string Id, string Name)> clinics)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(options);
        var window = options.AttributionDays;
        var contacts = activity.Contacts.Where(contact => contact.On < asOf).ToList();
        var listings = activity.Listings.Where(listing => listing.FirstListed < asOf).ToList();
        var bookings = activity.Bookings
            .Where(booking => booking.BookedOn < asOf)
            .ToLookup(booking => booking.PatientId, booking => booking.BookedOn, StringComparer.Ordinal);

        var trend = months.Select(month =>
        {
            var inMonth = contacts.Where(contact => InMonth(month, contact.On)).ToList();
            var numbers = Count(inMonth, listings.Where(listing => InMonth(month, listing.FirstListed)), listings.Where(listing => listing.FirstContactOn is { } first && InMonth(month, first)), bookings, window);
            return new OutreachMonth(
                month, numbers.Listed!.Value, numbers.Contacted, numbers.Reached, numbers.BookedAfterOutreach,
                Provisional: month.LastDay.AddDays(window) >= asOf, numbers.MedianDaysToFirstContact, numbers.WrongNumbers);
        }).ToList();

        var reportMonth = months.Count == 0 ? CalendarMonth.Of(asOf.AddDays(-1)) : months[^1];
        var monthContacts = contacts.Where(contact => InMonth(reportMonth, contact.On)).ToList();
        var monthListings = listings.Where(listing => InMonth(reportMonth, listing.FirstListed)).ToList();
        var monthFirstContacts = listings.Where(listing => listing.FirstContactOn is { } first && InMonth(reportMonth, first)).ToList();

        var byClinic = clinics.Select(clinic =>
        {
            var numbers = Count(
                monthContacts.Where(contact => contact.ClinicId == clinic.Id).ToList(),
                monthListings.Where(listing => listing.ClinicId == clinic.Id),
                monthFirstContacts.Where(listing => listing.ClinicId == clinic.Id),
                bookings,
                window);
            return numbers with { Name = clinic.Name, Detail = clinic.Id };
        }).ToList();

        var clinicNames = clinics.ToDictionary(clinic => clinic.Id, clinic => clinic.Name, StringComparer.Ordinal);
        var attributed = AttributeToStaff(monthContacts, bookings, window);
        var byStaff = monthContacts
            .GroupBy(contact => (contact.ClinicId, contact.StaffInitials))
            .Select(group =>
            {
                var numbers = Count(group.ToList(), [], [], bookings, window);
                return numbers with
                {
                    Name = group.Key.StaffInitials,
                    Detail = clinicNames.GetValueOrDefault(group.Key.ClinicId, group.Key.ClinicId),
                    Listed = null,
                    BookedAfterOutreach = attributed.GetValueOrDefault(group.Key),
                    MedianDaysToFirstContact = null,
                };
            })
            .OrderByDescending(line => line.Contacted)
            .ThenBy(line => line.Detail, StringComparer.Ordinal)
            .ThenBy(line => line.Name, StringComparer.Ordinal)
            .ToList();

        var wrongNumbers = monthContacts
            .Where(contact => contact.Outcome == OutreachOutcome.WrongNumber)
            .Select(contact => contact.PatientId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var (definitions, settings) = OutreachDefinitions.For(options);
        return new OutreachReport(window, trend, byClinic, byStaff, wrongNumbers, definitions, settings);
    }

    private static OutreachBreakdownLine Count(
        IReadOnlyList<OutreachContact> contacts, IEnumerable<OutreachListing> listed, IEnumerable<OutreachListing> firstContacted, ILookup<string, DateOnly> bookings, int window)
    {
        var contacted = contacts.Select(contact => contact.PatientId).ToHashSet(StringComparer.Ordinal);
        var reached = contacts.Where(contact => OutreachAttribution.Reached(contact.Outcome)).Select(contact => contact.PatientId).ToHashSet(StringComparer.Ordinal);
        var wrong = contacts.Where(contact => contact.Outcome == OutreachOutcome.WrongNumber).Select(contact => contact.PatientId).ToHashSet(StringComparer.Ordinal);
        var booked = contacts
            .Where(contact => OutreachAttribution.IsContact(contact.Outcome) && bookings[contact.PatientId].Any(day => OutreachAttribution.Counts(contact.On, day, window)))
            .Select(contact => contact.PatientId)
            .ToHashSet(StringComparer.Ordinal);
        var median = ReportStatistics.Median(firstContacted.Select(listing => (double)Math.Max(0, listing.FirstContactOn!.Value.DayNumber - listing.FirstListed.DayNumber)));
        return new OutreachBreakdownLine("", null, listed.Count(), contacted.Count, reached.Count, booked.Count, wrong.Count, median);
    }

    /// <summary>
    /// Each patient booked after outreach is credited once, to whoever made the latest contact before
    /// their first qualifying booking (the call that most likely did it).
    /// </summary>
    private static Dictionary<(string ClinicId, string StaffInitials), int> AttributeToStaff(IReadOnlyList<OutreachContact> contacts, ILookup<string, DateOnly> bookings, int window)
    {
        var credited = new Dictionary<(string, string), int>();
        foreach (var patient in contacts.Where(contact => OutreachAttribution.IsContact(contact.Outcome)).GroupBy(contact => contact.PatientId, StringComparer.Ordinal))
        {
            var credit = bookings[patient.Key].Order()
                .Select(day => patient.Where(contact => OutreachAttribution.Counts(contact.On, day, window)).MaxBy(contact => contact.On))
                .FirstOrDefault(contact => contact is not null);
            if (credit is not null)
            {
                var key = (credit.ClinicId, credit.StaffInitials);
                credited[key] = credited.GetValueOrDefault(key) + 1;
            }
        }

        return credited;
    }

    private static bool InMonth(CalendarMonth month, DateOnly day) => day >= month.FirstDay && day <= month.LastDay;
}

/// <summary>
/// When a maintenance booking counts as "booked after outreach". A contact is any recorded outcome but
/// <c>wrong_number</c>: a missed call or a message from the clinic often brings a call back, while a
/// wrong number reached somebody else. The booking's day (booked_at, on the clinic's calendar) must fall
/// on the contact's day or within Outreach:AttributionDays after it: with 14 days, a contact on 2 March
/// counts bookings from 2 to 16 March.
/// </summary>
internal static class OutreachAttribution
{
    public static bool IsContact(OutreachOutcome outcome) => outcome != OutreachOutcome.WrongNumber;

    public static bool Counts(DateOnly contactOn, DateOnly bookedOn, int attributionDays) =>
        bookedOn >= contactOn && bookedOn.DayNumber - contactOn.DayNumber <= attributionDays;

    /// <summary>Spoken to: the outcome needed a conversation with the patient.</summary>
    public static bool Reached(OutreachOutcome outcome) =>
        outcome is OutreachOutcome.Booked or OutreachOutcome.Declined or OutreachOutcome.DoNotContact;
}
