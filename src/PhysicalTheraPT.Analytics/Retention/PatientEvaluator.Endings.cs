namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// Where each episode ends once every appointment is read: a recorded one at its discharge, or once its
/// visits stop for Retention:ImplicitDischargeDays; an implicit one likewise; and which ended last (E).
/// </summary>
internal sealed partial class PatientEvaluator
{
    private void EndRecordedEpisodes(List<PatientEpisode> episodes, DateOnly asOf)
    {
        for (var i = 0; i < episodes.Count; i++)
        {
            var episode = episodes[i];
            var progress = recorded[i];
            var knownReason = AcuteEndTypeNames.TryFromDischargeReason(episode.DischargeReason, out var dischargeType);
            if (!knownReason)
            {
                Note(DataQualityIssue.UnknownDischargeReason, episode.ClinicId, episode.EpisodeId);
            }

            if (episode.DischargedOn < episode.StartedOn)
            {
                Note(DataQualityIssue.DischargeBeforeStart, episode.ClinicId, episode.EpisodeId);
            }

            DateOnly? end = null;
            AcuteEndType? endType = null;
            var endedByDischarge = false;
            if (episode.DischargedOn is { } discharged && discharged < asOf)
            {
                end = discharged;
                endType = dischargeType;
                endedByDischarge = true;
            }
            else
            {
                var last = progress.Visits > 0 ? progress.LastVisit : episode.StartedOn;
                if (asOf.DayNumber - last.DayNumber >= options.ImplicitDischargeDays && !progress.HasFutureBooking)
                {
                    end = last;
                    endType = AcuteEndType.SelfDischarged;
                }
            }

            evaluation.EpisodeList.Add(new EvaluatedEpisode(
                episode.EpisodeId,
                episode.ClinicId,
                episode.StartedOn,
                end,
                endType,
                endedByDischarge,
                progress.Visits > 0 ? progress.LastVisit : null,
                progress.Visits,
                progress.LastProvider,
                episode.BodyRegion,
                episode.ReferralSource,
                episode.MaintenanceIntervalDays,
                null));
            evaluation.InAcuteCare |= end is null;
        }

        evaluation.InAcuteCare |= evaluation.HasFutureAcuteBooking;
    }

    private void EndImplicitEpisodes(DateOnly asOf)
    {
        foreach (var run in implicitRuns)
        {
            var ended = asOf.DayNumber - run.Last.DayNumber >= options.ImplicitDischargeDays;
            evaluation.EpisodeList.Add(new EvaluatedEpisode(
                null,
                run.LastClinic,
                run.First,
                ended ? run.Last : null,
                ended ? AcuteEndType.Unrecorded : null,
                false,
                run.Last,
                run.Visits,
                run.LastProvider,
                null,
                null,
                null,
                run.FirstAppointmentId));
            evaluation.InAcuteCare |= !ended;
        }
    }

    /// <summary>
    /// The episode that ended at the latest end E. Ties: the latest started, then a recorded one before
    /// an implicit one, then the greater episode id.
    /// </summary>
    private int FindEpisodeEndedLast()
    {
        var episodes = evaluation.EpisodeList;
        var best = -1;
        for (var i = 0; i < episodes.Count; i++)
        {
            var candidate = episodes[i];
            if (candidate.End is not { } end)
            {
                continue;
            }

            if (best < 0)
            {
                best = i;
                continue;
            }

            var current = episodes[best];
            var currentEnd = current.End!.Value;
            var better = end != currentEnd ? end > currentEnd
                : candidate.StartedOn != current.StartedOn ? candidate.StartedOn > current.StartedOn
                : candidate.IsImplicit != current.IsImplicit ? !candidate.IsImplicit
                : string.CompareOrdinal(candidate.EpisodeId, current.EpisodeId) > 0;
            if (better)
            {
                best = i;
            }
        }

        return best;
    }
}
