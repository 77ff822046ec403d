using System.Globalization;
using System.Text;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Retention;

/// <summary>
/// Seeded, reproducible random patient histories full of edge cases: same-day visits, gaps of exactly
/// 20/21 days, visits with and without episode ids (and with unknown ones), overlapping episodes,
/// discharges before the start, dates at the flag boundaries, every status, stale bookings.
/// </summary>
internal sealed class RandomHistoryGenerator(int seed, DateOnly asOf)
{
    public static readonly string[] Clinics = ["c1", "c2", "c3"];

    private static readonly int[] BoundaryDaysBefore = [0, 1, 13, 14, 15, 20, 21, 22, 28, 42, 43, 55, 56, 57, 364, 365, 366, -1, -20];
    private static readonly int[] Gaps = [0, 0, 1, 3, 7, 14, 20, 21, 22, 28];
    private static readonly int[] MaintenanceGaps = [7, 14, 28, 29, 42, 43, 56, 90];
    private static readonly string?[] Reasons = ["goals_met", "goals_met", "self_discharged", "referred_out", "other", null, "", "moved_away"];
    private static readonly string?[] Providers = ["pr1", "pr2", "pr3", null];
    private static readonly int?[] Intervals = [null, null, null, 14, 21, 28, 40];

    private readonly Random random = new(seed);

    public int Seed => seed;

    public PatientHistory Next(int patientNumber)
    {
        var patientId = "p" + patientNumber.ToString("D4", CultureInfo.InvariantCulture);
        var clinic = Pick(Clinics);
        var history = new PatientHistory();
        history.Reset(patientId, clinic, random.NextDouble() < 0.1);
        var appointments = new List<PatientAppointment>();
        var episodeCount = random.Next(0, 4);
        for (var i = 0; i < episodeCount; i++)
        {
            AddEpisode(history, appointments, $"{patientId}-e{i}", clinic);
        }

        var uncoveredRuns = random.Next(0, 3);
        for (var i = 0; i < uncoveredRuns; i++)
        {
            AddVisitRun(appointments, clinic, Date(), null, random.Next(1, 6), ServiceKindFor());
        }

        if (random.NextDouble() < 0.6)
        {
            AddMaintenance(history, appointments, clinic);
        }

        // Stable sort by date keeps same-day appointments in generation order, as starts_at would.
        var ordered = appointments.OrderBy(a => a.Date).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            history.Appointments.Add(ordered[i] with { AppointmentId = $"{patientId}-a{i:D3}" });
        }

        history.Episodes.Sort((a, b) => a.StartedOn.CompareTo(b.StartedOn));
        return history;
    }

    /// <summary>A readable dump of a history for a failure message (ids and dates only).</summary>
    public static string Describe(PatientHistory history)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"patient {history.PatientId} clinic {history.ClinicId} dnc={history.DoNotContact}\n");
        foreach (var e in history.Episodes)
        {
            text.Append(CultureInfo.InvariantCulture, $"  episode {e.EpisodeId} {e.ClinicId} {e.StartedOn:yyyy-MM-dd}..{e.DischargedOn:yyyy-MM-dd} reason={e.DischargeReason ?? "null"} interval={e.MaintenanceIntervalDays} region={e.BodyRegion} referral={e.ReferralSource}\n");
        }

        foreach (var a in history.Appointments)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {a.AppointmentId} {a.Date:yyyy-MM-dd} {a.Service} {a.Status} {a.ClinicId} provider={a.ProviderId} episode={a.EpisodeId}\n");
        }

        return text.ToString();
    }

    private void AddEpisode(PatientHistory history, List<PatientAppointment> appointments, string id, string clinic)
    {
        var start = Date();
        DateOnly? discharged = random.NextDouble() switch
        {
            < 0.35 => null,
            < 0.45 => start.AddDays(-random.Next(1, 10)),
            < 0.7 => asOf.AddDays(-Pick(BoundaryDaysBefore)),
            _ => start.AddDays(random.Next(0, 120)),
        };
        if (history.Episodes.Count > 0 && random.NextDouble() < 0.15)
        {
            // A twin of the previous episode: same start and discharge, so ties need the id tie-break.
            (start, discharged) = (history.Episodes[^1].StartedOn, history.Episodes[^1].DischargedOn);
        }

        var episodeClinic = random.NextDouble() < 0.8 ? clinic : Pick(Clinics);
        history.Episodes.Add(new PatientEpisode(id, episodeClinic, start, discharged, Pick(Reasons), Pick(["lumbar", "knee", "shoulder", null]),
            Pick(["physician", "self", null]), Pick(Intervals)));

        var linkMode = random.NextDouble();
        var episodeId = linkMode switch
        {
            < 0.55 => id,
            < 0.85 => null,
            < 0.95 => history.Episodes[random.Next(history.Episodes.Count)].EpisodeId,
            _ => "ghost-" + id,
        };
        var runStart = random.NextDouble() < 0.8 ? start : start.AddDays(random.Next(-30, 30));
        AddVisitRun(appointments, episodeClinic, runStart, episodeId, random.Next(0, 12), ServiceKindFor());
    }

    private void AddVisitRun(List<PatientAppointment> appointments, string clinic, DateOnly start, string? episodeId, int visits, ServiceKind service)
    {
        var date = start;
        for (var i = 0; i < visits; i++)
        {
            appointments.Add(new PatientAppointment("", date, random.NextDouble() < 0.8 ? service : ServiceKindFor(), Status(date),
                random.NextDouble() < 0.9 ? clinic : Pick(Clinics), Pick(Providers), random.NextDouble() < 0.9 ? episodeId : null));
            date = date.AddDays(Pick(Gaps));
        }
    }

    private void AddMaintenance(PatientHistory history, List<PatientAppointment> appointments, string clinic)
    {
        var date = random.NextDouble() < 0.4 && history.Episodes.Count > 0 && history.Episodes[^1].DischargedOn is { } discharged
            ? discharged.AddDays(random.Next(0, 3))
            : Date();
        var visits = random.Next(1, 10);
        for (var i = 0; i < visits; i++)
        {
            var episodeId = random.NextDouble() < 0.05 && history.Episodes.Count > 0 ? history.Episodes[0].EpisodeId : null;
            appointments.Add(new PatientAppointment("", date, ServiceKind.MaintenanceMassage, Status(date),
                random.NextDouble() < 0.75 ? clinic : Pick(Clinics), "pr9", episodeId));
            date = date.AddDays(Pick(MaintenanceGaps));
        }

        if (random.NextDouble() < 0.3)
        {
            var last = asOf.AddDays(-Pick(BoundaryDaysBefore));
            appointments.Add(new PatientAppointment("", last, ServiceKind.MaintenanceMassage, Status(last), clinic, "pr9", null));
        }
    }

    private AppointmentStatus Status(DateOnly date)
    {
        var roll = random.NextDouble();
        if (roll < 0.08)
        {
            return AppointmentStatus.Cancelled;
        }

        if (roll < 0.13)
        {
            return AppointmentStatus.NoShow;
        }

        if (date >= asOf)
        {
            return roll < 0.8 ? AppointmentStatus.Booked : AppointmentStatus.Completed;
        }

        return roll < 0.17 ? AppointmentStatus.Booked : AppointmentStatus.Completed;
    }

    private ServiceKind ServiceKindFor() => random.NextDouble() < 0.7 ? ServiceKind.PhysicalTherapy : ServiceKind.RecoveryMassage;

    /// <summary>A date near the as-of date: often exactly at a flag boundary, else anywhere in about 2.5 years.</summary>
    private DateOnly Date() => random.NextDouble() < 0.3
        ? asOf.AddDays(-Pick(BoundaryDaysBefore))
        : asOf.AddDays(-random.Next(-40, 900));

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
