using Microsoft.Extensions.Options;
using PhysicalTheraPT.Analytics.Data;
using PhysicalTheraPT.Analytics.Sources;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// Splits a scheduled job into its work items. sync: one item for all sources (none without sources). outreach-lists: one per clinic as of its local today, so
/// several servers share them. retention-report: the month before the schedule's today, once per clinic
/// and once for all clinics together (every workbook of one run covers the same month, so the
/// all-clinics workbook and the clinics' workbooks agree). refresh-flags: ONE item for all clinics when
/// every clinic's local today is the same date, because its cost is reading the histories from the one
/// shared database, and one pass over them serves every clinic (split across servers, each clinic's
/// pass would read again what the other servers read); one item per clinic, each with its own today,
/// only when the clinics' zones straddle midnight at run time. outreach-inbox: one item for the one
/// shared inbox folder.
/// </summary>
internal sealed class JobPlanner
{
    private readonly AnalyticsDatabase _database;
    private readonly ClinicCalendar _calendar;
    private readonly SourcesOptions _sources;

    public JobPlanner(AnalyticsDatabase database, ClinicCalendar calendar, IOptions<SourcesOptions> sources)
    {
        _database = database;
        _calendar = calendar;
        _sources = sources.Value;
    }

    public async Task<IReadOnlyList<JobWorkItem>> PlanAsync(string jobName, CancellationToken cancellationToken)
    {
        if (!JobNames.All.Contains(jobName))
        {
            throw JobNames.Unknown(jobName);
        }

        if (jobName == JobNames.Sync)
        {
            // One item for every source, run one after another: each has its own transaction, and the
            // night's flags wait for all of them.
            return _sources.Sources.Count == 0 ? [] : [JobWorkItem.ForDate(jobName, null, _calendar.ScheduleToday())];
        }

        if (jobName == JobNames.OutreachInbox)
        {
            // One folder for every clinic: one run takes it all (each list says its clinic).
            return [JobWorkItem.ForDate(jobName, null, _calendar.ScheduleToday())];
        }

        var clinics = await ClinicDirectory.LoadAsync(_database, cancellationToken);
        if (jobName == JobNames.RetentionReport)
        {
            var today = _calendar.ScheduleToday();
            var previousMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            return [
                JobWorkItem.ForMonth(jobName, null, previousMonth),
                .. clinics.ClinicIds.Select(clinicId => JobWorkItem.ForMonth(jobName, clinicId, previousMonth)),
            ];
        }

        var perClinic = clinics.ClinicIds.Select(clinicId => JobWorkItem.ForDate(jobName, clinicId, _calendar.ClinicToday(clinics, clinicId))).ToList();
        if (jobName == JobNames.RefreshFlags && perClinic.Count > 0 && perClinic.All(item => item.Period == perClinic[0].Period))
        {
            return [JobWorkItem.ForDate(jobName, null, perClinic[0].PeriodAsDate())];
        }

        // Clinics on different dates (a run near midnight in one of their zones): each clinic is judged as
        // of its own today, so each gets its own pass. Scheduling the refresh at an hour when every clinic
        // shares a date (the default 02:00) keeps it to one pass.
        return perClinic;
    }
}
