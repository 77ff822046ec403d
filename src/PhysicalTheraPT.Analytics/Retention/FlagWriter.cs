using System.Globalization;

namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Decides a patient's flag from an evaluation and writes its priority and the front-desk reason.
/// Allocates only for flagged patients.
/// </summary>
internal sealed class FlagWriter(RetentionOptions options, IReadOnlyDictionary<string, string> providerNames)
{
    /// <summary>
    /// The flag, or null. dropped_after_acute is decided first; the two cannot both hold (dropped needs no
    /// maintenance visit on or after E, lapsed needs the last one on or after E), so the order only
    /// documents the precedence.
    /// </summary>
    public PatientFlag? FlagFor(PatientEvaluation evaluation)
    {
        if (evaluation.DoNotContact || evaluation.InAcuteCare || evaluation.HasFutureMaintenanceBooking)
        {
            return null;
        }

        var asOfDay = evaluation.AsOf.DayNumber;
        var end = evaluation.LatestAcuteEnd;
        var lastMaintenance = evaluation.LastMaintenanceVisit;
        EvaluatedEpisode? ended = evaluation.EndedEpisodeIndex < 0 ? null : evaluation.Episodes[evaluation.EndedEpisodeIndex];
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

    private PatientFlag Create(PatientEvaluation evaluation, PatientFlagKind kind, EvaluatedEpisode? ended, int daysSince, int interval)
    {
        var (priority, explanation) = Prioritise(evaluation, kind, ended, daysSince, interval);
        var reason = kind == PatientFlagKind.DroppedAfterAcute
            ? DroppedReason(ended!.Value, evaluation.AsOf)
            : LapsedReason(evaluation.LastMaintenanceVisit!.Value, daysSince, interval, evaluation.AsOf);
        return new PatientFlag(
            evaluation.PatientId,
            evaluation.ClinicId,
            kind,
            ended?.End,
            ended?.EndType,
            evaluation.LastMaintenanceVisit,
            daysSince,
            priority,
            explanation,
            reason,
            ended?.DischargingProviderId,
            ended?.Visits ?? 0,
            interval);
    }

    /// <summary>
    /// Priority = recency + no planned discharge + re-injured before + visits invested (docs/definitions.md).
    /// Integer arithmetic with halves rounded up, so every implementation gets the same number.
    /// </summary>
    private (int Priority, string Explanation) Prioritise(PatientEvaluation evaluation, PatientFlagKind kind, EvaluatedEpisode? ended, int daysSince, int interval)
    {
        // Recency counts from the first day the flag can appear: the grace period for dropped patients,
        // the first lapsed day for lapsed ones; all points then, none at the lookback limit.
        var firstFlaggedDay = kind == PatientFlagKind.DroppedAfterAcute
            ? options.GraceDays
            : (int)Math.Floor(interval * options.LapseFactor) + 1;
        var span = options.LookbackDays - firstFlaggedDay;
        var recency = span <= 0
            ? options.PriorityRecencyWeight
            : Share(options.PriorityRecencyWeight, span - Math.Clamp(daysSince - firstFlaggedDay, 0, span), span);

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
        var priority = Math.Min(100, recency + unplanned + reinjury + invested);
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"recency {recency}/{options.PriorityRecencyWeight} ({Count(daysSince, "day")}) + no planned discharge {unplanned}/{options.PrioritySelfDischargedWeight} + re-injured before {reinjury}/{options.PriorityReinjuryWeight} ({Count(endedEpisodes, "episode")}) + visits invested {invested}/{options.PriorityVisitsWeight} ({Count(visits, "visit")}) = {priority}");
        return (priority, explanation);
    }

    /// <summary><paramref name="weight"/> × <paramref name="part"/> / <paramref name="whole"/>, halves rounded up.</summary>
    internal static int Share(int weight, int part, int whole) => ((2 * weight * part) + whole) / (2 * whole);

    private string DroppedReason(EvaluatedEpisode ended, DateOnly asOf)
    {
        var end = ended.End!.Value;
        var opening = ended.EndedByDischarge
            ? $"Discharged {Day(end, asOf)} ({ended.EndType!.Value.ToPlainWords()})"
            : ended.IsImplicit
                ? $"Last acute visit {Day(end, asOf)} (no episode recorded)"
                : $"Last acute visit {Day(end, asOf)} (stopped coming, no discharge recorded)";
        return $"{opening} after {Count(ended.Visits, "visit")}{ProviderPart(ended.DischargingProviderId)}; no maintenance booked";
    }

    private static string LapsedReason(DateOnly lastMaintenance, int daysSince, int interval, DateOnly asOf) =>
        $"Last maintenance {Day(lastMaintenance, asOf)}, {Count(daysSince, "day")} ago (usual interval {Count(interval, "day")}); nothing booked";

    /// <summary>"1 visit", "14 visits".</summary>
    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    private string ProviderPart(string? providerId)
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
