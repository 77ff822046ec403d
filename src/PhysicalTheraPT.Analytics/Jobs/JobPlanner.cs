using PhysicalTheraPT.Analytics.Data;

namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// Splits a scheduled job into its per-clinic work, so several servers can share it:
/// refresh-flags and outreach-lists as of each clinic's local today; retention-report for the month
/// before the schedule's today, once per clinic and once for all clinics together (every workbook of
/// one run covers the same month, so the all-clinics workbook and the clinics' workbooks agree).
/// </summary>
public sealed class JobPlanner
{
    private readonly AnalyticsDatabase _database;
    private readonly ClinicCalendar _calendar;

    public JobPlanner(AnalyticsDatabase database, ClinicCalendar calendar)
    {
        _database = database;
        _calendar = calendar;
    }

    public async Task<IReadOnlyList<JobWorkItem>> PlanAsync(string jobName, CancellationToken cancellationToken)
    {
        if (!JobNames.All.Contains(jobName))
        {
            throw JobNames.Unknown(jobName);
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

        return clinics.ClinicIds.Select(clinicId => JobWorkItem.ForDate(jobName, clinicId, _calendar.ClinicToday(clinics, clinicId))).ToList();
    }
}
