using PhysicalTheraPT.Analytics.Analysis;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Reports;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Outreach;

/// <summary>
/// Writes the front desk's outreach lists, one workbook per clinic: the clinic's flagged patients as of a
/// date (one pass of the retention engine), with the contact details read from <c>patients</c>.
/// Do-not-contact patients are never listed: the engine does not flag them, and the writer leaves out anyone
/// whose patient row says so. Writing a list refreshes the clinic's outreach queue as of the list's date,
/// and lists only the patients it says are due: nobody tried in the last days, declined, or recently
/// closed (<see cref="OutreachQueue"/>). The command line, the weekly job and the demo call it.
/// </summary>
public sealed class OutreachListService
{
    private readonly RetentionAnalysis _analysis;
    private readonly PatientContactReader _contacts;
    private readonly OutreachListWriter _writer;
    private readonly OutreachQueue _queue;

    public OutreachListService(AnalyticsDatabase database, RetentionAnalysis analysis, OutreachListWriter writer, OutreachQueue queue)
    {
        _analysis = analysis;
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
            var flags = flagsByClinic.GetValueOrDefault(clinic.ClinicId) ?? [];
            var (list, held) = await ListAsync(clinic, result.AsOfByClinic[clinic.ClinicId], flags, result.Clinics, cancellationToken);
            var file = _writer.Write(list, request.OutputDirectory);
            lists.Add(new ClinicOutreachList(clinic.ClinicId, list.AsOf, flags.Count, flags.Count - held - list.Rows.Count, file, held));
        }

        return new OutreachListRun(result.Patients, lists);
    }

    /// <summary>One clinic's list as of a date, from a pass over that clinic's patients.</summary>
    public async Task<OutreachList> BuildAsync(string clinicId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var result = await _analysis.FlagsAsync(asOf, clinicId, cancellationToken: cancellationToken);
        return (await ListAsync(result.Clinics.Require(clinicId), asOf, result.Flags, result.Clinics, cancellationToken)).List;
    }

    /// <summary>
    /// The clinic's flagged patients that are due for a call, with their contact details (one whose
    /// patient row has gone is left out), and how many flagged patients were held back.
    /// </summary>
    private async Task<(OutreachList List, int HeldBack)> ListAsync(
        ClinicRow clinic, DateOnly asOf, IReadOnlyList<PatientFlag> flagged, ClinicDirectory directory, CancellationToken cancellationToken)
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

    private static OutreachListRow RowFor(PatientFlag flag, PatientContactRow contact, ClinicDirectory directory) => new(
        flag.PatientId,
        contact.FullName,
        contact.Phone,
        contact.Email,
        contact.PreferredChannel,
        MonthlyReportMapper.ToReportFlag(flag.Kind),
        flag.Reason,
        // The last time the clinic saw the patient: the acute end, or a maintenance visit on or after it.
        LastVisit(flag.AcuteEnd, flag.LastMaintenance),
        directory.ProviderNameOrId(flag.DischargingProviderId),
        flag.DaysSince,
        flag.Priority,
        contact.DoNotContact);

    private static DateOnly? LastVisit(DateOnly? acuteEnd, DateOnly? lastMaintenance) =>
        acuteEnd is null ? lastMaintenance : lastMaintenance is null ? acuteEnd : (acuteEnd > lastMaintenance ? acuteEnd : lastMaintenance);
}
