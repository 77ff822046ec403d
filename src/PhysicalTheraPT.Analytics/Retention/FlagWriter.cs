using System.Globalization;

namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Decides a patient's flag from an evaluation and writes its priority and the front-desk reason.
/// Allocates only for flagged patients: <see cref="Decide"/> nothing at all, <see cref="Write"/> the texts.
/// </summary>
internal sealed class FlagWriter(RetentionOptions options, IReadOnlyDictionary<string, string> providerNames)
{
    /// <summary>
    /// The flag without its texts, or null. dropped_after_acute is decided first; the two cannot both hold
    /// (dropped needs no maintenance visit on or after E, lapsed needs the last one on or after E), so the
    /// order only documents the precedence.
    /// </summary>
    public FlaggedPatient? Decide(PatientEvaluation evaluation)
    {
        if (!evaluation.Consent.MayBeContacted || evaluation.InAcuteCare || evaluation.HasFutureMaintenanceBooking)
        {
            return null;
        }

        var asOfDay = evaluation.AsOf.DayNumber;
        var end = evaluation.LatestAcuteEnd;
        var lastMaintenance = evaluation.LastMaintenanceVisit;
        var ended = EndedEpisode(evaluation);
        var interval = ended?.MaintenanceIntervalDays ?? options.DefaultMaintenanceIntervalDays;
        if (end is { } acuteEnd)
        {
            var daysSinceEnd = asOfDay - acuteEnd.DayNumber;
            if (daysSinceEnd >= options.GraceDays && daysSinceEnd <= options.LookbackDays && !(lastMaintenance >= acuteEnd))
            {
                return Create(evaluation, PatientFlagKind.DroppedAfterAcute, ended!.Value, daysSinceEnd, interval);
            }
        }

        if (lastMaintenance is { } last && !(end > last))
        {
            var daysSinceMaintenance = asOfDay - last.DayNumber;
            if (daysSinceMaintenance > interval * options.LapseFactor && daysSinceMaintenance <= options.LookbackDays)
            {
                return Create(evaluation, PatientFlagKind.MaintenanceLapsed, ended, daysSinceMaintenance, interval);
            }
        }

        return null;
    }

    /// <summary>
    /// The earliest date a history must hold (an appointment, an episode start or a discharge) for
    /// <see cref="Decide"/> to flag its patient as of <paramref name="asOf"/>: both flags need E or the
    /// last maintenance visit at most LookbackDays back, and E is a discharge, a visit or an episode's start.
    /// So a full pass can leave out the patients without such a date: they are unflagged, and stay so
    /// (<see cref="PatientEvaluator.NextChange"/> is null) until their history changes.
    /// </summary>
    public static DateOnly EarliestDateThatCanFlag(RetentionOptions options, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(options);
        return asOf.AddDays(-options.LookbackDays);
    }

    /// <summary>The flag <see cref="Decide"/> found for <paramref name="evaluation"/>, with its priority explanation and reason.</summary>
    public PatientFlag Write(FlaggedPatient flagged, PatientEvaluation evaluation)
    {
        var points = Points(evaluation, flagged.Kind, EndedEpisode(evaluation), flagged.DaysSince, flagged.MaintenanceIntervalDays);
        return new PatientFlag(
            flagged.PatientId,
            flagged.ClinicId,
            flagged.Kind,
            flagged.AcuteEnd,
            flagged.EndType,
            flagged.LastMaintenance,
            flagged.DaysSince,
            flagged.Priority,
            Explain(points, flagged.DaysSince),
            Reason(flagged, evaluation.AsOf, providerNames),
            flagged.DischargingProviderId,
            flagged.EpisodeVisits,
            flagged.MaintenanceIntervalDays);
    }

    /// <summary>
    /// The one sentence for front desk. The only place its wording lives: flags get it when they are
    /// written, and lists that hold flags without texts (<see cref="FlaggedPatient"/>) get it here too.
    /// </summary>
    /// <param name="asOf">The date the flag was decided as of: dates in its year are written without the year.</param>
    /// <param name="providerNames">Provider id → name, as the flag was written with.</param>
    public static string Reason(FlaggedPatient flagged, DateOnly asOf, IReadOnlyDictionary<string, string> providerNames)
    {
        ArgumentNullException.ThrowIfNull(providerNames);
        return flagged.Kind == PatientFlagKind.DroppedAfterAcute
            ? DroppedReason(flagged, asOf, providerNames)
            : LapsedReason(flagged.LastMaintenance!.Value, flagged.DaysSince, flagged.MaintenanceIntervalDays, asOf);
    }

    private static EvaluatedEpisode? EndedEpisode(PatientEvaluation evaluation) =>
        evaluation.EndedEpisodeIndex < 0 ? null : evaluation.Episodes[evaluation.EndedEpisodeIndex];

    /// <summary>
    /// The flag <paramref name="flagged"/> becomes on <paramref name="asOf"/> while its history and
    /// everything the rules read from it stay as they are: only the days since (from E or the last
    /// maintenance visit) and with them the recency points move. The nightly refresh carries a flagged
    /// patient's flag forward so until <see cref="PatientEvaluator.NextChange"/>, which checks it against a
    /// real evaluation at every date the rules could turn.
    /// </summary>
    public FlaggedPatient Carry(FlaggedPatient flagged, DateOnly asOf)
    {
        var since = flagged.Kind == PatientFlagKind.DroppedAfterAcute ? flagged.AcuteEnd!.Value : flagged.LastMaintenance!.Value;
        var daysSince = asOf.DayNumber - since.DayNumber;
        var priority = new PriorityPoints(Recency(flagged.Kind, daysSince, flagged.MaintenanceIntervalDays), flagged.OtherPoints, 0, 0, 0, 0).Priority;
        return flagged with { DaysSince = daysSince, Priority = priority };
    }

    private FlaggedPatient Create(PatientEvaluation evaluation, PatientFlagKind kind, EvaluatedEpisode? ended, int daysSince, int interval)
    {
        var points = Points(evaluation, kind, ended, daysSince, interval);
        return new(
            evaluation.PatientId,
            evaluation.ClinicId,
            kind,
            ended?.End,
            ended?.EndType,
            ended?.EndedByDischarge ?? false,
            ended?.IsImplicit ?? false,
            evaluation.LastMaintenanceVisit,
            daysSince,
            points.Priority,
            ended?.DischargingProviderId,
            ended?.Visits ?? 0,
            interval,
            points.Unplanned + points.Reinjury + points.Invested);
    }

    /// <summary>
    /// Priority = recency + no planned discharge + re-injured before + visits invested (docs/definitions.md).
    /// Integer arithmetic with halves rounded up, so every implementation gets the same number.
    /// </summary>
    private PriorityPoints Points(PatientEvaluation evaluation, PatientFlagKind kind, EvaluatedEpisode? ended, int daysSince, int interval)
    {
        var recency = Recency(kind, daysSince, interval);

        var unplanned = ended?.EndType is AcuteEndType.SelfDischarged or AcuteEndType.Unrecorded ? options.PrioritySelfDischargedWeight : 0;

        var endedEpisodes = 0;
        foreach (var episode in evaluation.EpisodeList)
        {
            endedEpisodes += episode.IsActive ? 0 : 1;
        }

        var reinjury = endedEpisodes >= 2 ? options.PriorityReinjuryWeight : 0;

        var visits = ended?.Visits ?? 0;
        var end = ended?.End;
        foreach (var visit in evaluation.MaintenanceVisitList)
        {
            visits += end is null || visit.Date >= end ? 1 : 0;
        }

        var invested = Share(options.PriorityVisitsWeight, Math.Min(visits, options.PriorityVisitsForFullWeight), options.PriorityVisitsForFullWeight);
        return new PriorityPoints(recency, unplanned, reinjury, invested, endedEpisodes, visits);
    }

    private int Recency(PatientFlagKind kind, int daysSince, int interval)
    {
        // Recency counts from the first day the flag can appear: the grace period for dropped patients,
        // the first lapsed day for lapsed ones; all points then, none at the lookback limit.
        var firstFlaggedDay = kind == PatientFlagKind.DroppedAfterAcute
            ? options.GraceDays
            : (int)Math.Floor(interval * options.LapseFactor) + 1;
        var span = options.LookbackDays - firstFlaggedDay;
        return span <= 0
            ? options.PriorityRecencyWeight
            : Share(options.PriorityRecencyWeight, span - Math.Clamp(daysSince - firstFlaggedDay, 0, span), span);
    }

    private string Explain(PriorityPoints points, int daysSince) => string.Create(CultureInfo.InvariantCulture,
        $"recency {points.Recency}/{options.PriorityRecencyWeight} ({Count(daysSince, "day")}) + no planned discharge {points.Unplanned}/{options.PrioritySelfDischargedWeight} + re-injured before {points.Reinjury}/{options.PriorityReinjuryWeight} ({Count(points.EndedEpisodes, "episode")}) + visits invested {points.Invested}/{options.PriorityVisitsWeight} ({Count(points.Visits, "visit")}) = {points.Priority}");

    /// <summary><paramref name="weight"/> × <paramref name="part"/> / <paramref name="whole"/>, halves rounded up.</summary>
    internal static int Share(int weight, int part, int whole) => ((2 * weight * part) + whole) / (2 * whole);

    private static string DroppedReason(FlaggedPatient flagged, DateOnly asOf, IReadOnlyDictionary<string, string> providerNames)
    {
        var end = flagged.AcuteEnd!.Value;
        var opening = flagged.EndedByDischarge
            ? $"Discharged {Day(end, asOf)} ({flagged.EndType!.Value.ToPlainWords()})"
            : flagged.ImplicitEpisode
                ? $"Last acute visit {Day(end, asOf)} (no episode recorded)"
                : $"Last acute visit {Day(end, asOf)} (stopped coming, no discharge recorded)";
        return $"{opening} after {Count(flagged.EpisodeVisits, "visit")}{ProviderPart(flagged.DischargingProviderId, providerNames)}; no maintenance booked";
    }

    private static string LapsedReason(DateOnly lastMaintenance, int daysSince, int interval, DateOnly asOf) =>
        $"Last maintenance {Day(lastMaintenance, asOf)}, {Count(daysSince, "day")} ago (usual interval {Count(interval, "day")}); nothing booked";

    /// <summary>"1 visit", "14 visits".</summary>
    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    private static string ProviderPart(string? providerId, IReadOnlyDictionary<string, string> providerNames)
    {
        if (providerId is null)
        {
            return "";
        }

        return providerNames.TryGetValue(providerId, out var name) && !string.IsNullOrWhiteSpace(name)
            ? " with " + name
            : " with provider " + providerId;
    }

    /// <summary>"30 Sep", with the year when it is not the as-of date's year.</summary>
    private static string Day(DateOnly date, DateOnly asOf) =>
        date.ToString(date.Year == asOf.Year ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>The parts of a flag's priority (docs/definitions.md) and the counts its explanation names.</summary>
internal readonly record struct PriorityPoints(int Recency, int Unplanned, int Reinjury, int Invested, int EndedEpisodes, int Visits)
{
    /// <summary>The parts added up, capped at 100.</summary>
    public int Priority => Math.Min(100, Recency + Unplanned + Reinjury + Invested);
}
