using System.Globalization;
using PhysicalTheraPT.Analytics.Retention;

namespace PhysicalTheraPT.Analytics.Tests.Retention.Reference;

/// <summary>
/// A deliberately naive implementation of issue 3's definitions, written straight from the text and
/// sharing no code with the engine (only the input model): whole lists in memory, LINQ everywhere,
/// every question answered from scratch. The randomised test holds the engine to it.
/// </summary>
internal sealed class NaiveRetentionReference(RetentionOptions settings, DateOnly d)
{
    private static readonly string[] EndTypes = ["goals_met", "self_discharged", "referred_out", "other", "unrecorded"];

    internal sealed record Episode(
        string? Id, bool IsImplicit, string Clinic, DateOnly Start, DateOnly? End, string? EndType, int Visits,
        string? Provider, string? Region, string? Referral, int? Interval);

    internal sealed record Flag(
        string PatientId, string ClinicId, string Kind, DateOnly? AcuteEnd, string? EndType, DateOnly? LastMaintenance,
        int DaysSince, int Priority, string? DischargingProvider, int EpisodeVisits, int Interval);

    /// <summary>What the reference concludes about one patient: its episodes, maintenance visits and flag.</summary>
    internal sealed record Patient(string Id, string Clinic, List<Episode> Episodes, List<(DateOnly Date, string Clinic)> Maintenance, Flag? Flag, List<(string Issue, string Clinic, string Item)> Notes);

    private static bool Happens(PatientAppointment a) => a.Status is not (AppointmentStatus.Cancelled or AppointmentStatus.NoShow);

    private bool IsVisit(PatientAppointment a) => a.Status == AppointmentStatus.Completed && a.Date < d;

    private bool IsFutureBooking(PatientAppointment a) => Happens(a) && a.Date >= d;

    private static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    public Patient Evaluate(PatientHistory h)
    {
        var episodes = RecordedEpisodes(h).Concat(ImplicitEpisodes(h)).ToList();
        var maintenance = h.Appointments.Where(a => a.Service == ServiceKind.MaintenanceMassage && IsVisit(a)).Select(a => (a.Date, a.ClinicId)).ToList();
        return new Patient(h.PatientId, h.ClinicId, episodes, maintenance, FlagOf(h, episodes), Notes(h));
    }

    private string? MemberOf(PatientHistory h, PatientAppointment a)
    {
        if (a.EpisodeId is not null && h.Episodes.Any(e => e.EpisodeId == a.EpisodeId))
        {
            return a.EpisodeId;
        }

        return h.Episodes
            .Where(e => e.StartedOn <= a.Date && (e.DischargedOn == null || e.DischargedOn >= a.Date))
            .OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.EpisodeId, StringComparer.Ordinal)
            .Select(e => e.EpisodeId).FirstOrDefault();
    }

    private IEnumerable<Episode> RecordedEpisodes(PatientHistory h)
    {
        var acuteVisits = h.Appointments.Where(a => a.Service != ServiceKind.MaintenanceMassage && IsVisit(a)).ToList();
        foreach (var e in h.Episodes)
        {
            var visits = acuteVisits.Where(a => MemberOf(h, a) == e.EpisodeId).ToList();
            var futureAcute = h.Appointments.Where(a => a.Service != ServiceKind.MaintenanceMassage && IsFutureBooking(a) && MemberOf(h, a) == e.EpisodeId);
            DateOnly? end = null;
            string? endType = null;
            if (e.DischargedOn is { } discharged && discharged < d)
            {
                end = discharged;
                endType = e.DischargeReason is "goals_met" or "self_discharged" or "referred_out" ? e.DischargeReason : "other";
            }
            else
            {
                var l = visits.Count > 0 ? visits.Max(v => v.Date) : e.StartedOn;
                if (Days(l, d) >= settings.ImplicitDischargeDays && !futureAcute.Any())
                {
                    end = l;
                    endType = "self_discharged";
                }
            }

            var lastVisit = visits.Where(v => v.Date == visits.Max(x => x.Date)).LastOrDefault();
            yield return new Episode(e.EpisodeId, false, e.ClinicId, e.StartedOn, end, endType, visits.Count, lastVisit.ProviderId,
                e.BodyRegion, e.ReferralSource, e.MaintenanceIntervalDays);
        }
    }

    private IEnumerable<Episode> ImplicitEpisodes(PatientHistory h)
    {
        var uncovered = h.Appointments.Where(a => a.Service != ServiceKind.MaintenanceMassage && IsVisit(a) && MemberOf(h, a) == null).ToList();
        var runs = new List<List<PatientAppointment>>();
        for (var i = 0; i < uncovered.Count; i++)
        {
            if (i == 0 || Days(uncovered[i - 1].Date, uncovered[i].Date) >= settings.ImplicitDischargeDays)
            {
                runs.Add([]);
            }

            runs[^1].Add(uncovered[i]);
        }

        return runs.Select(run =>
        {
            var last = run[^1];
            var ended = Days(last.Date, d) >= settings.ImplicitDischargeDays;
            return new Episode(null, true, last.ClinicId, run[0].Date, ended ? last.Date : null, ended ? "unrecorded" : null, run.Count,
                last.ProviderId, null, null, null);
        });
    }

    private static Episode? EpisodeThatEndedLast(List<Episode> episodes)
    {
        var ended = episodes.Where(e => e.End != null).ToList();
        if (ended.Count == 0)
        {
            return null;
        }

        var e = ended.Max(x => x.End);
        return ended.Where(x => x.End == e)
            .OrderByDescending(x => x.Start)
            .ThenBy(x => x.IsImplicit ? 1 : 0)
            .ThenByDescending(x => x.Id, StringComparer.Ordinal)
            .First();
    }

    private Flag? FlagOf(PatientHistory h, List<Episode> episodes)
    {
        var inAcuteCare = episodes.Any(x => x.End == null)
            || h.Appointments.Any(a => a.Service != ServiceKind.MaintenanceMassage && IsFutureBooking(a));
        var futureMaintenance = h.Appointments.Any(a => a.Service == ServiceKind.MaintenanceMassage && IsFutureBooking(a));
        if (inAcuteCare || futureMaintenance || h.DoNotContact)
        {
            return null;
        }

        var last = EpisodeThatEndedLast(episodes);
        var e = last?.End;
        var maintenance = h.Appointments.Where(a => a.Service == ServiceKind.MaintenanceMassage && IsVisit(a)).Select(a => a.Date).ToList();
        DateOnly? m = maintenance.Count > 0 ? maintenance.Max() : null;
        var interval = last?.Interval ?? settings.DefaultMaintenanceIntervalDays;

        if (e is { } end && Days(end, d) >= settings.GraceDays && Days(end, d) <= settings.LookbackDays && !maintenance.Any(x => x >= end))
        {
            return new Flag(h.PatientId, h.ClinicId, "dropped_after_acute", end, last!.EndType, m, Days(end, d),
                Priority(episodes, last, maintenance, Days(end, d), settings.GraceDays), last.Provider, last.Visits, interval);
        }

        if (m is { } lastMaintenance && (e == null || lastMaintenance >= e)
            && Days(lastMaintenance, d) > interval * settings.LapseFactor && Days(lastMaintenance, d) <= settings.LookbackDays)
        {
            var firstLapsedDay = Enumerable.Range(0, 10_000).First(n => n > interval * settings.LapseFactor);
            return new Flag(h.PatientId, h.ClinicId, "maintenance_lapsed", e, last?.EndType, m, Days(lastMaintenance, d),
                Priority(episodes, last, maintenance, Days(lastMaintenance, d), firstLapsedDay), last?.Provider, last?.Visits ?? 0, interval);
        }

        return null;
    }

    /// <summary>docs/definitions.md, "Priority": four parts, each a rounded share of its weight.</summary>
    private int Priority(List<Episode> episodes, Episode? last, List<DateOnly> maintenance, int daysSince, int firstFlaggedDay)
    {
        static int Rounded(double value) => (int)Math.Floor(value + 0.5);

        var span = settings.LookbackDays - firstFlaggedDay;
        var recency = span <= 0
            ? settings.PriorityRecencyWeight
            : Rounded(settings.PriorityRecencyWeight * (double)(span - Math.Min(span, Math.Max(0, daysSince - firstFlaggedDay))) / span);
        var unplanned = last?.EndType is "self_discharged" or "unrecorded" ? settings.PrioritySelfDischargedWeight : 0;
        var reinjury = episodes.Count(x => x.End != null) > 1 ? settings.PriorityReinjuryWeight : 0;
        var visits = (last?.Visits ?? 0) + maintenance.Count(x => last == null || x >= last.End);
        var invested = Rounded(settings.PriorityVisitsWeight * (double)Math.Min(visits, settings.PriorityVisitsForFullWeight) / settings.PriorityVisitsForFullWeight);
        return Math.Min(100, recency + unplanned + reinjury + invested);
    }

    private List<(string Issue, string Clinic, string Item)> Notes(PatientHistory h)
    {
        var notes = new List<(string, string, string)>();
        var ids = h.Episodes.Select(e => e.EpisodeId).ToHashSet();
        foreach (var a in h.Appointments.Where(Happens))
        {
            if (a.Status == AppointmentStatus.Booked && a.Date < d)
            {
                notes.Add(("stale_booking", a.ClinicId, a.AppointmentId));
            }
            else if (a.Service == ServiceKind.MaintenanceMassage && a.EpisodeId != null)
            {
                notes.Add(("maintenance_with_episode", a.ClinicId, a.AppointmentId));
            }
            else if (a.Service != ServiceKind.MaintenanceMassage && a.EpisodeId != null && !ids.Contains(a.EpisodeId))
            {
                notes.Add(("unknown_episode", a.ClinicId, a.AppointmentId));
            }
            else if (a.Service != ServiceKind.MaintenanceMassage && a.EpisodeId != null && IsVisit(a)
                && h.Episodes.Single(e => e.EpisodeId == a.EpisodeId).DischargedOn is { } discharged && a.Date > discharged)
            {
                notes.Add(("visit_after_discharge", a.ClinicId, a.AppointmentId));
            }
        }

        notes.AddRange(h.Episodes.Where(e => e.DischargedOn < e.StartedOn).Select(e => ("discharge_before_start", e.ClinicId, e.EpisodeId)));
        notes.AddRange(h.Episodes
            .Where(e => !string.IsNullOrWhiteSpace(e.DischargeReason) && e.DischargeReason is not ("goals_met" or "self_discharged" or "referred_out" or "other"))
            .Select(e => ("unknown_discharge_reason", e.ClinicId, e.EpisodeId)));
        return notes;
    }

    /// <summary>
    /// Every monthly number for report month <paramref name="reportMonth"/> as "scope|key" → value, in the
    /// same shape <see cref="MetricsFlattener"/> gives the engine's output.
    /// </summary>
    public SortedDictionary<string, string> Metrics(List<Patient> patients, (int Year, int Month) reportMonth, IEnumerable<string> clinicIds)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var scopes = new[] { "ALL" }.Concat(clinicIds)
            .Concat(patients.SelectMany(p => p.Episodes.Where(e => e.End != null).Select(e => e.Clinic).Concat(p.Maintenance.Select(m => m.Clinic)).Append(p.Clinic)))
            .Concat(patients.SelectMany(p => p.Notes.Select(n => n.Clinic)))
            .Distinct().ToList();
        var trend = Enumerable.Range(0, settings.CohortMonths).Select(i => AddMonths(reportMonth, i - settings.CohortMonths + 1)).ToList();
        foreach (var scope in scopes)
        {
            bool InScope(string clinic) => scope == "ALL" || scope == clinic;
            var completions = patients.SelectMany(p => p.Episodes.Where(e => e.End != null && InScope(e.Clinic)).Select(e => (Patient: p, Episode: e))).ToList();
            string Key(string rest) => scope + "|" + rest;

            foreach (var month in trend)
            {
                var m = MonthName(month);
                var ofMonth = completions.Where(c => c.Episode.End!.Value.Year == month.Year && c.Episode.End!.Value.Month == month.Month).ToList();
                result[Key($"{m}|provisional")] = Bool(d <= LastDay(month).AddDays(settings.ImplicitDischargeDays));
                result[Key($"{m}|completions")] = Int(ofMonth.Count);
                foreach (var endType in EndTypes)
                {
                    result[Key($"{m}|completions.{endType}")] = Int(ofMonth.Count(c => c.Episode.EndType == endType));
                }

                foreach (var (name, windows) in new[] { ("conversion", settings.ConversionWindowsDays), ("cohort", settings.CohortWindowsDays) })
                {
                    foreach (var w in windows)
                    {
                        Conversion(result, Key($"{m}|{name}_{w}d"), month, w, ofMonth);
                    }
                }

                result[Key($"{m}|active")] = Int(Active(patients, scope, month));
                result[Key($"{m}|active_change")] = Int(Active(patients, scope, month) - Active(patients, scope, AddMonths(month, -1)));
                var visits = ofMonth.Select(c => c.Episode.Visits).Order().ToList();
                result[Key($"{m}|visits.episodes")] = Int(visits.Count);
                result[Key($"{m}|visits.median")] = Number(PercentileInc(visits, 0.5));
                result[Key($"{m}|visits.p25")] = Number(PercentileInc(visits, 0.25));
                result[Key($"{m}|visits.p75")] = Number(PercentileInc(visits, 0.75));

                foreach (var (dimension, keyOf) in new (string, Func<Episode, string?>)[]
                {
                    ("Clinic", e => e.Clinic), ("DischargingProvider", e => e.Provider), ("BodyRegion", e => e.Region),
                    ("ReferralSource", e => e.Referral), ("EndType", e => e.EndType),
                })
                {
                    foreach (var group in ofMonth.GroupBy(c => keyOf(c.Episode) ?? "(not recorded)"))
                    {
                        var prefix = $"{m}|breakdown|{dimension}|{group.Key}";
                        result[Key(prefix + "|completions")] = Int(group.Count());
                        foreach (var w in settings.ConversionWindowsDays)
                        {
                            Conversion(result, Key($"{prefix}|conversion_{w}d"), month, w, group.ToList());
                        }
                    }
                }
            }

            result[Key("flags.dropped_after_acute")] = Int(patients.Count(p => p.Flag?.Kind == "dropped_after_acute" && InScope(p.Clinic)));
            result[Key("flags.maintenance_lapsed")] = Int(patients.Count(p => p.Flag?.Kind == "maintenance_lapsed" && InScope(p.Clinic)));
            Recurrence(result, scope, reportMonth, completions);

            var notes = patients.SelectMany(p => p.Notes).Where(n => InScope(n.Clinic)).ToList();
            foreach (var group in notes.GroupBy(n => n.Issue))
            {
                result[Key($"data_quality|{group.Key}")] = Int(group.Count());
                if (group.Count() <= settings.DataQualityExamples)
                {
                    result[Key($"data_quality|{group.Key}|examples")] = string.Join(",", group.Select(n => n.Item).Order(StringComparer.Ordinal));
                }
            }
        }

        return result;
    }

    private void Conversion(SortedDictionary<string, string> result, string key, (int Year, int Month) month, int w, List<(Patient Patient, Episode Episode)> completions)
    {
        var converted = completions.Count(c => ConvertedWithin(c.Patient, c.Episode, w));
        var maturing = LastDay(month).AddDays(w) >= d;
        result[key + ".completions"] = Int(completions.Count);
        result[key + ".converted"] = Int(converted);
        result[key + ".maturing"] = Bool(maturing);
        result[key + ".rate"] = maturing || completions.Count == 0 ? "" : Number((double)converted / completions.Count);
    }

    private static bool ConvertedWithin(Patient p, Episode e, int w) => p.Maintenance.Any(v => v.Date >= e.End && v.Date <= e.End!.Value.AddDays(w));

    private int Active(List<Patient> patients, string scope, (int Year, int Month) month)
    {
        var last = LastDay(month);
        var first = last.AddDays(-(settings.ActiveMaintenanceWindowDays - 1));
        return patients.Count(p => p.Maintenance.Any(v => v.Date >= first && v.Date <= last && (scope == "ALL" || v.Clinic == scope)));
    }

    /// <summary>
    /// The landmark recurrence analysis the slow, obvious way: a list of (days, new episode?) per group,
    /// Kaplan–Meier and the log-rank test by scanning the whole list at every distinct event day.
    /// </summary>
    private void Recurrence(SortedDictionary<string, string> result, string scope, (int Year, int Month) reportMonth, List<(Patient Patient, Episode Episode)> completions)
    {
        var first = AddMonths(reportMonth, -settings.RecurrenceCompletionMonths + 1);
        var landmark = settings.RecurrenceConvertedWithinDays;
        var followUp = settings.RecurrenceFollowUpDays;
        var counted = completions.Where(c => (c.Episode.End!.Value.Year * 12) + c.Episode.End!.Value.Month >= (first.Year * 12) + first.Month
            && (c.Episode.End!.Value.Year * 12) + c.Episode.End!.Value.Month <= (reportMonth.Year * 12) + reportMonth.Month
            && c.Episode.End!.Value.AddDays(landmark) < d).ToList();
        foreach (var endType in new string?[] { null, "goals_met", "self_discharged", "referred_out", "other", "unrecorded" })
        {
            var groups = new[] { new List<(int Days, bool Event)>(), new List<(int Days, bool Event)>() };
            var back = 0;
            foreach (var (patient, episode) in counted.Where(c => endType is null || c.Episode.EndType == endType))
            {
                var end = episode.End!.Value;
                var next = patient.Episodes.Where(other => !ReferenceEquals(other, episode) && other.Start > end).Select(other => (DateOnly?)other.Start).Min();
                if (next is { } n && Days(end, n) <= landmark)
                {
                    back++;
                    continue;
                }

                var observed = next is { } start && start < d && Days(end, start) <= followUp;
                var days = observed ? Days(end, next!.Value) : Math.Min(Days(end, d) - 1, followUp);
                groups[ConvertedWithin(patient, episode, landmark) ? 0 : 1].Add((days, observed));
            }

            var key = $"{scope}|recurrence|{endType ?? "all"}";
            result[key + "|back"] = Int(back);
            for (var g = 0; g < 2; g++)
            {
                var (survival, low, high) = NaiveKaplanMeier(groups[g], settings.RecurrenceWindowDays);
                result[$"{key}|{g}|n"] = Int(groups[g].Count);
                result[$"{key}|{g}|events"] = Int(groups[g].Count(x => x.Event));
                result[$"{key}|{g}|km"] = EightDigits(groups[g].Count == 0 ? null : 1 - survival);
                result[$"{key}|{g}|low"] = EightDigits(high is null ? null : 1 - high);
                result[$"{key}|{g}|high"] = EightDigits(low is null ? null : 1 - low);
            }

            result[key + "|logrank_p"] = EightDigits(NaiveLogRankP(groups[0], groups[1]));
        }
    }

    internal static (double Survival, double? Low, double? High) NaiveKaplanMeier(List<(int Days, bool Event)> sample, int at)
    {
        double survival = 1, greenwood = 0;
        foreach (var t in sample.Where(x => x.Event && x.Days <= at).Select(x => x.Days).Distinct().Order())
        {
            var atRisk = sample.Count(x => x.Days >= t);
            var events = sample.Count(x => x.Event && x.Days == t);
            survival *= 1 - ((double)events / atRisk);
            greenwood += atRisk == events ? double.PositiveInfinity : (double)events / ((double)atRisk * (atRisk - events));
        }

        if (survival <= 0 || survival >= 1)
        {
            return (survival, null, null);
        }

        var sigma = Math.Sqrt(greenwood) / Math.Abs(Math.Log(survival));
        return (survival, Math.Pow(survival, Math.Exp(1.959964 * sigma)), Math.Pow(survival, Math.Exp(-1.959964 * sigma)));
    }

    internal static double? NaiveLogRankP(List<(int Days, bool Event)> first, List<(int Days, bool Event)> second)
    {
        double observed = 0, expected = 0, variance = 0;
        foreach (var t in first.Concat(second).Where(x => x.Event).Select(x => x.Days).Distinct().Order())
        {
            double n1 = first.Count(x => x.Days >= t), n = n1 + second.Count(x => x.Days >= t);
            double d1 = first.Count(x => x.Event && x.Days == t), dt = d1 + second.Count(x => x.Event && x.Days == t);
            observed += d1;
            expected += dt * n1 / n;
            variance += n > 1 ? dt * (n1 / n) * (1 - (n1 / n)) * (n - dt) / (n - 1) : 0;
        }

        if (variance <= 0)
        {
            return null;
        }

        var chiSquare = (observed - expected) * (observed - expected) / variance;

        // P(χ²₁ ≥ x) = 2·(1 − Φ(√x)); the normal tail by Simpson's rule over the density, unlike the engine's erfc.
        var z = Math.Sqrt(chiSquare);
        const int steps = 20_000;
        var h = 40.0 / steps;
        double Density(double x) => Math.Exp(-x * x / 2);
        var tail = Density(z) + Density(z + 40);
        for (var i = 1; i < steps; i++)
        {
            tail += (i % 2 == 1 ? 4 : 2) * Density(z + (i * h));
        }

        return 2 * (tail * h / 3) / Math.Sqrt(2 * Math.PI);
    }

    /// <summary>Eight significant digits: two correct methods agree to far more, but not always to the last bit.</summary>
    internal static string EightDigits(double? value) => value?.ToString("G8", CultureInfo.InvariantCulture) ?? "";

    private static double? PercentileInc(List<int> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var h = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((h - lower) * (sorted[upper] - sorted[lower]));
    }

    private static (int Year, int Month) AddMonths((int Year, int Month) month, int add)
    {
        var date = new DateOnly(month.Year, month.Month, 1).AddMonths(add);
        return (date.Year, date.Month);
    }

    private static DateOnly LastDay((int Year, int Month) month) => new DateOnly(month.Year, month.Month, 1).AddMonths(1).AddDays(-1);

    internal static string MonthName((int Year, int Month) month) => $"{month.Year:D4}-{month.Month:D2}";

    internal static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Bool(bool value) => value ? "true" : "false";

    internal static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
