namespace PhysicalTheraPT.Analytics.Jobs;

/// <summary>
/// Splits a scheduled job into its per-clinic work, so several servers can share it:
/// refresh-flags and outreach-lists as of each clinic's local today; retention-report for the month
/// before the schedule's today, once per clinic and once for all clinics together (every workbook of
/// one run covers the same month, so the all-clinics workbook and the clinics' workbooks agree).
/// </summary>
public sealed class JobPlanner
{
    private readonly ScheduledClinicReader _clinics;
    private readonly ClinicCalendar _calendar;

    public JobPlanner(ScheduledClinicReader clinics, ClinicCalendar calendar)
    {
        _clinics = clinics;
        _calendar = calendar;
    }

    public async Task<IReadOnlyList<JobWorkItem>> PlanAsync(string jobName, CancellationToken cancellationToken)
    {
        if (!JobNames.All.Contains(jobName))
        {
            throw JobNames.Unknown(jobName);
        }

        var clinics = await _clinics.ReadAsync(cancellationToken);
        if (jobName == JobNames.RetentionReport)
        {
            var today = _calendar.ScheduleToday();
            var previousMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            return [
                JobWorkItem.ForMonth(jobName, null, previousMonth),
                .. clinics.Select(clinic => JobWorkItem.ForMonth(jobName, clinic.ClinicId, previousMonth)),
            ];
        }

        return clinics.Select(clinic => JobWorkItem.ForDate(jobName, clinic.ClinicId, _calendar.ClinicToday(clinic))).ToList();
    }
}
