using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Outreach;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Reports;

/// <summary>
/// Writes the front desk's outreach lists, one workbook per clinic: the clinic's flagged patients as of a
/// date (one pass of the retention engine), with the contact details read from <c>patients</c>.
/// Patients who may not be contacted (do-not-contact, deceased, no channel allowed: <see cref="ContactConsent"/>)
/// are never listed: the engine does not flag them, and the writer leaves out anyone whose patient row
/// says so; a channel the patient withholds is never offered. Writing a list refreshes the clinic's outreach queue as of the list's date,
/// and lists only the patients it says are due: nobody tried in the last days, declined, or recently
/// closed (<see cref="OutreachQueue"/>). The command line, the weekly job and the demo call it; the weekly
/// job's list comes from the flags refresh-flags stored that night when there are any (one source of who
/// to call), and from a pass of its own only when they are missing.
/// </summary>
internal sealed class OutreachListService
{
    private readonly AnalyticsDatabase _database;
    private readonly RetentionAnalysis _analysis;
    private readonly PatientFlagStore _stored;
    private readonly PatientContactReader _contacts;
    private readonly OutreachListWriter _writer;
    private readonly OutreachQueue _queue;

    public OutreachListService(AnalyticsDatabase database, RetentionAnalysis analysis, PatientFlagStore stored, OutreachListWriter writer, OutreachQueue queue)
    {
        _database = database;
        _analysis = analysis;
        _stored = stored;
        _contacts = new PatientContactReader(database);
        _writer = writer;
        _queue = queue;
    }

    /// <param name="progress">Receives the number of patients read so far, every few thousand patients.</param>
    public async Task<OutreachListRun> WriteAsync(OutreachListRequest request, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await _analysis.FlagsAsync(request.AsOf, request.ClinicId, progress, cancellationToken);
        var clinics = request.ClinicId is null ? result.Clinics.Clinics : [result.Clinics.Require(request.ClinicId)];
        var flagsByClinic = result.Flags.GroupBy(flag => flag.ClinicId, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);

        var lists = new List<ClinicOutreachList>();
        foreach (var clinic in clinics)
        {
            var asOf = result.AsOfByClinic[clinic.ClinicId];
            var flags = flagsByClinic.GetValueOrDefault(clinic.ClinicId) ?? [];
            var (list, held) = await ListAsync(clinic, asOf, [.. flags.Select(flag => StoredPatientFlag.From(flag, asOf))], result.Clinics, cancellationToken);
            var file = _writer.Write(list, request.OutputDirectory);
            lists.Add(new ClinicOutreachList(clinic.ClinicId, list.AsOf, flags.Count, flags.Count - held - list.Rows.Count, file, held));
        }

        return new OutreachListRun(result.Patients, lists);
    }

    /// <summary>
    /// One clinic's list as of a date: from the set refresh-flags stored for that clinic and date when
    /// there is one, else from a pass over that clinic's patients. The same list either way.
    /// </summary>
    public async Task<OutreachListBuild> BuildAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var clinics = await ClinicDirectory.LoadAsync(_database, cancellationToken);
        var clinic = clinics.Require(clinicId);
        var stored = await _stored.TryReadSetAsync(clinicId, asOf, cancellationToken);
        if (stored is not null)
        {
            // The order of a pass's flags (RetentionAnalysis.FlagOrder), whatever the database's collation.
            var ordered = stored.OrderByDescending(flag => flag.Priority).ThenBy(flag => flag.PatientId, StringComparer.Ordinal).ToList();
            return new OutreachListBuild((await ListAsync(clinic, asOf, ordered, clinics, cancellationToken)).List, FlagsComputed: false);
        }

        var result = await _analysis.FlagsAsync(asOf, clinicId, cancellationToken: cancellationToken);
        var computed = result.Flags.Select(flag => StoredPatientFlag.From(flag, asOf)).ToList();
        return new OutreachListBuild((await ListAsync(clinic, asOf, computed, result.Clinics, cancellationToken)).List, FlagsComputed: true);
    }

    /// <summary>
    /// The clinic's flagged patients that are due for a call, with their contact details (one whose
    /// patient row has gone is left out), and how many flagged patients were held back.
    /// </summary>
    private async Task<(OutreachList List, int HeldBack)> ListAsync(
        ClinicRow clinic, DateOnly asOf, IReadOnlyList<StoredPatientFlag> flagged, ClinicDirectory directory, CancellationToken cancellationToken)
    {
        var queue = await _queue.RefreshAsync(clinic.ClinicId, asOf, [.. flagged.Select(OutreachCandidate.From)], cancellationToken);
        var due = queue.Due.ToHashSet(StringComparer.Ordinal);
        var flags = flagged.Where(flag => due.Contains(flag.PatientId)).ToList();
        var contacts = await _contacts.ReadAsync(clinic.ClinicId, flags.Select(flag => flag.PatientId).ToHashSet(StringComparer.Ordinal), cancellationToken);
        var rows = new List<OutreachListRow>(flags.Count);
        foreach (var flag in flags)
        {
            if (contacts.TryGetValue(flag.PatientId, out var contact))
            {
                rows.Add(RowFor(flag, contact, directory));
            }
        }

        return (new OutreachList(clinic.ClinicId, clinic.Name, asOf, rows), flagged.Count - flags.Count);
    }

    /// <summary>
    /// The list row: only the channels the patient allows are offered (a withheld one's number or address
    /// is left blank, the preferred channel falls back to an allowed one), and a patient who may not be
    /// contacted at all (do-not-contact, deceased, no channel allowed) is marked so, which the writer
    /// leaves out and counts with do-not-contact.
    /// </summary>
    private static OutreachListRow RowFor(StoredPatientFlag flag, PatientContactRow contact, ClinicDirectory directory)
    {
        var consent = contact.Consent;
        var phone = consent.PhoneToOffer(contact.Phone);
        var email = consent.EmailToOffer(contact.Email);
        return new(
            flag.PatientId,
            contact.FullName,
            phone,
            email,
            consent.ChannelToOffer(contact.PreferredChannel, phone, email),
            flag.Kind,
            flag.Reason,
            // The last time the clinic saw the patient: the acute end, or a maintenance visit on or after it.
            LastVisit(flag.AcuteEnd, flag.LastMaintenance),
            directory.ProviderNameOrId(flag.DischargingProviderId),
            flag.DaysSince,
            flag.Priority,
            !consent.MayBeContacted);
    }

    private static DateOnly? LastVisit(DateOnly? acuteEnd, DateOnly? lastMaintenance) =>
        acuteEnd is null ? lastMaintenance : lastMaintenance is null ? acuteEnd : (acuteEnd > lastMaintenance ? acuteEnd : lastMaintenance);
}

/// <summary>A clinic's outreach list, and whether its flags had to be computed because none were stored for its date.</summary>
internal sealed record OutreachListBuild(OutreachList List, bool FlagsComputed);

/// <summary>Which outreach lists one <see cref="OutreachListService"/> run writes.</summary>
internal sealed record OutreachListRequest
{
    /// <summary>The date the flags are judged as of; null for today in each clinic's own time zone.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Only this clinic's list; null for one list per clinic.</summary>
    public string? ClinicId { get; init; }

    /// <summary>The folder the lists go to.</summary>
    public required string OutputDirectory { get; init; }
}

/// <summary>What one <see cref="OutreachListService"/> run wrote: a list per clinic, ordered by clinic id.</summary>
/// <param name="Patients">How many patients' histories were read.</param>
internal sealed record OutreachListRun(int Patients, IReadOnlyList<ClinicOutreachList> Lists);

/// <summary>
/// One clinic's outreach list as written: counts only (no names), so it can be printed and logged.
/// </summary>
/// <param name="AsOf">The date the clinic's patients were judged as of (the list's date).</param>
/// <param name="Flagged">Patients the engine flagged for the clinic.</param>
/// <param name="WithoutPatientRow">Flagged patients whose patient row was gone when the contact details were read (the data changed in between); left out.</param>
/// <param name="HeldBack">Flagged patients not listed this time: tried recently, declined, their item closed lately, or not to be contacted (do-not-contact, deceased, no channel allowed; docs/outreach.md).</param>
internal sealed record ClinicOutreachList(string ClinicId, DateOnly AsOf, int Flagged, int WithoutPatientRow, OutreachListFile File, int HeldBack = 0);
