using System.Globalization;
using ClosedXML.Excel;
using Dapper;
using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Files;
using PhysicalTheraPT.Analytics.Jobs;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Outreach.WorkedLists;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Seeding;

namespace PhysicalTheraPT.Analytics.Demo;

/// <summary>
/// Plays the last <see cref="Weeks"/> weeks of front-desk work on the seeded clinics, so the monthly
/// workbook's Outreach sheet and chart and the next lists show what outreach does. Each Monday every
/// clinic's list is written as the outreach-lists job writes it (queue refreshed as of that day), worked
/// the way a front desk works it (most rows called within a few days, outcomes drawn from a seeded
/// random, so the same seed and day play the same weeks), saved and dropped into the inbox, and the
/// inbox imports it: the outcomes go through the same checks, rules and store as any worked list.
/// Patients who booked (and some who called back after a message) get their maintenance appointment
/// through the clinic data writer, as an import from the clinic software would add it. A database that
/// has outcomes already is left alone, so a second demo changes nothing.
/// </summary>
internal sealed class PlayFrontDeskWeeksStep(
    AnalyticsDatabase database, OutreachListService lists, OutreachListWriter writer, OutreachListImporter importer, InboxHistory history,
    IOptions<OutreachOptions> outreach, IOptions<SchedulingOptions> scheduling, TimeProvider time) : IDemoStep
{
    public const int Weeks = 6;

    private const int Seed = 42;

    /// <summary>The maintenance appointments this step adds: ids of their own, which the seeder never touches.</summary>
    public const string AppointmentPrefix = "DEMO-OUTREACH-";

    /// <summary>Front desk's outcomes and how often each comes up, per worked row (the rest of a list is not reached that week).</summary>
    private static readonly (OutreachOutcome Outcome, double Share)[] Outcomes =
    [
        (OutreachOutcome.NotReached, 0.36), (OutreachOutcome.LeftMessage, 0.28), (OutreachOutcome.Booked, 0.13),
        (OutreachOutcome.Declined, 0.14), (OutreachOutcome.WrongNumber, 0.06), (OutreachOutcome.DoNotContact, 0.03),
    ];

    /// <summary>Two people at each clinic's front desk (the demo has three clinics; a fourth would share the first's).</summary>
    private static readonly string[] Staff = ["JD", "MK", "AL", "RB", "SP", "TC"];

    public string Title => string.Create(CultureInfo.InvariantCulture, $"Play {Weeks} weeks of front-desk calls through the inbox");

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var recorded = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM outreach_outcomes", cancellationToken: cancellationToken));
            if (recorded > 0)
            {
                context.Made("Front desk", string.Create(CultureInfo.InvariantCulture, $"already played on this database ({recorded:N0} call outcomes recorded)"));
                return;
            }
        }

        var inboxFolder = OutreachInboxJob.InboxDirectory(outreach.Value, scheduling.Value);
        var workFolder = Path.Combine(inboxFolder, ".front-desk");
        FileModes.CreateFolder(workFolder);
        // The demo hands each list over whole, so the inbox need not wait for copies to settle.
        var inbox = new OutreachInbox(importer, history, time, _ => Task.CompletedTask);
        var clinics = await ClinicDirectory.LoadAsync(database, cancellationToken);
        var lastCallDay = context.Today.AddDays(-1);
        var mondays = Enumerable.Range(1, Weeks).Select(week => LastMondayBefore(context.Today).AddDays(-7 * (Weeks - week))).ToList();
        var (listsWorked, calls, appointments) = (0, new Dictionary<OutreachOutcome, int>(), 0);
        for (var week = 0; week < mondays.Count; week++)
        {
            var random = new Random(Seed + week);
            var bookings = new List<AppointmentRow>();
            foreach (var (clinic, index) in clinics.Clinics.Select((clinic, index) => (clinic, index)))
            {
                var list = (await lists.BuildAsync(clinic.ClinicId, mondays[week], cancellationToken)).List;
                var file = writer.Write(list, workFolder);
                foreach (var call in WorkTheList(file.Path, mondays[week], lastCallDay, Staff.AsSpan(index * 2 % Staff.Length, 2).ToArray(), random))
                {
                    calls[call.Outcome] = calls.GetValueOrDefault(call.Outcome) + 1;
                    if (BookingAfter(call, random, clinics, clinic, lastCallDay) is { } booking)
                    {
                        bookings.Add(booking);
                    }
                }

                File.Move(file.Path, Path.Combine(inboxFolder, Path.GetFileName(file.Path)), overwrite: true);
                listsWorked++;
            }

            var run = await inbox.ImportAsync(inboxFolder, cancellationToken);
            if (run.Rejected > 0)
            {
                throw new InvalidOperationException($"The demo's worked lists were rejected by the inbox: {string.Join("; ", run.Files.Where(file => file.Status == InboxEntry.Rejected).Select(file => file.Summary))}");
            }

            appointments += await AddAppointmentsAsync(bookings, cancellationToken);
            context.ReportProgress(week + 1, mondays.Count);
        }

        Directory.Delete(workFolder, recursive: true);
        context.Made("Front desk", string.Create(CultureInfo.InvariantCulture,
            $"{Weeks} weeks from {IsoDate.Format(mondays[0])}: {listsWorked} lists worked, {calls.Values.Sum():N0} calls ({string.Join(", ", calls.OrderBy(pair => pair.Key).Select(pair => $"{pair.Value} {pair.Key.ToContractName()}"))}); {appointments} maintenance appointments booked after them"));
        context.Made("Worked lists imported", Path.Combine(inboxFolder, OutreachInbox.ImportedFolder));
    }

    private static DateOnly LastMondayBefore(DateOnly today)
    {
        var back = ((int)today.DayOfWeek + 6) % 7;
        return today.AddDays(back == 0 ? -7 : -back);
    }

    /// <summary>Fills in the list as front desk would: most rows, from the top, each call on one of the days after the list came.</summary>
    private static List<Call> WorkTheList(string path, DateOnly monday, DateOnly lastCallDay, string[] staff, Random random)
    {
        var calls = new List<Call>();
        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet(OutreachListLayout.ListSheet);
        var header = sheet.Row(Reports.OutreachLists.ListSheet.HeaderRow).CellsUsed().ToDictionary(cell => cell.GetString(), cell => cell.Address.ColumnNumber, StringComparer.Ordinal);
        foreach (var row in sheet.RowsUsed().Where(row => row.RowNumber() > Reports.OutreachLists.ListSheet.HeaderRow))
        {
            var key = row.Cell(header[OutreachListLayout.RowKey]).GetString().Split('|');
            if (key.Length < 3 || random.NextDouble() > 0.75)
            {
                continue;
            }

            var outcome = Draw(random);
            var day = monday.AddDays(random.Next(0, 4));
            day = day > lastCallDay ? lastCallDay : day;
            row.Cell(header[OutreachListLayout.Outcome]).SetValue(outcome.ToContractName());
            row.Cell(header[OutreachListLayout.OutcomeDate]).SetValue(day.ToDateTime(TimeOnly.MinValue));
            row.Cell(header[OutreachListLayout.StaffInitials]).SetValue(staff[random.Next(staff.Length)]);
            calls.Add(new Call(key[2], outcome, day));
        }

        workbook.Save();
        return calls;
    }

    private static OutreachOutcome Draw(Random random)
    {
        var draw = random.NextDouble();
        foreach (var (outcome, share) in Outcomes)
        {
            if ((draw -= share) < 0)
            {
                return outcome;
            }
        }

        return OutreachOutcome.NotReached;
    }

    /// <summary>A booked patient's maintenance visit (and one for some who called back after a message): booked a day or two after the call, a week or two out.</summary>
    private static AppointmentRow? BookingAfter(Call call, Random random, ClinicDirectory clinics, ClinicRow clinic, DateOnly lastCallDay)
    {
        var books = call.Outcome == OutreachOutcome.Booked || (call.Outcome == OutreachOutcome.LeftMessage && random.NextDouble() < 0.1);
        if (!books)
        {
            return null;
        }

        var bookedOn = call.Outcome == OutreachOutcome.Booked ? call.On : call.On.AddDays(random.Next(1, 4));
        bookedOn = bookedOn > lastCallDay ? lastCallDay : bookedOn;
        var startsAt = bookedOn.AddDays(random.Next(5, 15)).ToDateTime(new TimeOnly(9 + random.Next(0, 8), 0));
        var therapists = clinics.Providers.Values.Where(provider => provider.ClinicId == clinic.ClinicId && provider.Discipline == ContractValues.MassageTherapyDiscipline).OrderBy(provider => provider.ProviderId, StringComparer.Ordinal).ToList();
        var bookedAt = TimeZoneInfo.ConvertTimeToUtc(bookedOn.ToDateTime(new TimeOnly(10, 30)), clinics.TimeZoneOf(clinic.ClinicId));
        return new AppointmentRow(
            AppointmentPrefix + call.PatientId + "-" + bookedOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            call.PatientId,
            clinic.ClinicId,
            therapists.Count == 0 ? null : therapists[random.Next(therapists.Count)].ProviderId,
            null,
            ContractValues.MaintenanceMassage,
            startsAt,
            DateOnly.FromDateTime(startsAt) <= lastCallDay ? ContractValues.Completed : ContractValues.Booked,
            bookedAt);
    }

    private async Task<int> AddAppointmentsAsync(List<AppointmentRow> bookings, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await new ClinicDataWriter(connection, transaction, database.Dialect).UpsertAppointmentsAsync(bookings, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return bookings.Count;
    }

    private sealed record Call(string PatientId, OutreachOutcome Outcome, DateOnly On);
}
